package org.medfetch.extract;

/**
 * One entry of an archive as its headers describe it.
 *
 * @param name         the path the archive gives, as stored
 * @param declaredSize bytes the header announces for a file, or -1 when it does not say
 * @param linkTarget   where a symbolic or hard link points, as stored, else null
 */
record Entry(String name, Type type, long declaredSize, String linkTarget) {

    enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, SPECIAL }

    /** Unix file type bits (stat.h S_IFMT), as zip and 7z store them in an entry's attributes. */
    static Type ofUnixMode(int mode, boolean directory) {
        int type = mode & 0170000;
        if (directory || type == 0040000) {
            return Type.DIRECTORY;
        }
        return switch (type) {
            case 0, 0100000 -> Type.FILE;
            case 0120000 -> Type.SYMLINK;
            default -> Type.SPECIAL;
        };
    }
}
