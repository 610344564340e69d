package org.medfetch.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * An entry's name as a plain relative path: '/'-separated (a '\' of a Windows-made zip is a separator
 * too), without '.' parts. Names that are absolute, carry a drive letter, climb with '..' or hold
 * control characters are refused: they are how zip-slip writes outside the target.
 */
final class EntryPath {

    private EntryPath() {
    }

    /** The relative path, or "" for the archive's root (an entry named "./"). */
    static String of(String name) throws ExtractException {
        String unified = name.replace('\\', '/');
        if (unified.startsWith("/")) {
            throw ExtractException.refused(name, "its path is absolute");
        }
        if (unified.matches("^[A-Za-z]:.*")) {
            throw ExtractException.refused(name, "its path starts with a drive letter");
        }
        List<String> parts = new ArrayList<>();
        for (String part : unified.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw ExtractException.refused(name, "its path climbs out with '..'");
            }
            if (part.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw ExtractException.refused(name, "its path contains control characters");
            }
            parts.add(part);
        }
        return String.join("/", parts);
    }

    /**
     * Where a link's target lands, as a path relative to the root, or null when it leaves the root.
     *
     * @param from the link's own relative path (a symbolic link's target is relative to its folder)
     */
    static String linkTarget(String from, String target, boolean symbolic) {
        String unified = target.replace('\\', '/');
        if (unified.isEmpty() || unified.startsWith("/") || unified.matches("^[A-Za-z]:.*")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (symbolic) {
            String[] own = from.split("/");
            for (int i = 0; i < own.length - 1; i++) {
                parts.add(own[i]);
            }
        }
        for (String part : unified.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
