package org.medfetch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Writes entries into a fresh folder (the temporary one beside the target). Nothing is ever written
 * through a link: symbolic links are made only after every file, and an entry inside a path an earlier
 * entry made a link is refused; links must point inside the folder, checked once more on the real
 * file system after they exist.
 */
final class TargetTree {

    private final Path root;
    private final Budget budget;
    private final boolean hash;
    private final BooleanSupplier stop;
    private final Map<String, Extracted.ExtractedFile> files = new LinkedHashMap<>();
    private final Map<String, String> symlinks = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    TargetTree(Path root, Budget budget, boolean hash, BooleanSupplier stop) {
        this.root = root;
        this.budget = budget;
        this.hash = hash;
        this.stop = stop;
    }

    List<Extracted.ExtractedFile> files() {
        return new ArrayList<>(files.values());
    }

    List<String> notes() {
        return notes;
    }

    void add(Entry entry, EntrySource source) throws ExtractException, IOException {
        String path = EntryPath.of(entry.name());
        if (path.isEmpty()) {
            return;
        }
        if (entry.type() != Entry.Type.SYMLINK) {
            throughLink(entry.name(), path);
        }
        switch (entry.type()) {
            case DIRECTORY -> directory(entry.name(), path);
            case FILE -> file(entry, path, source);
            case SYMLINK -> symlink(entry, path);
            case HARDLINK -> hardLink(entry, path);
            case SPECIAL -> notes.add("skipped " + path + ": a device file, FIFO or socket is not data");
        }
    }

    /** Makes the symbolic links, then checks each resolves inside the folder on the real file system. */
    void finish() throws ExtractException, IOException {
        for (Map.Entry<String, String> link : symlinks.entrySet()) {
            Path at = root.resolve(link.getKey());
            directory(link.getKey(), parent(link.getKey()));
            try {
                Files.createSymbolicLink(at, Path.of(link.getValue()));
            } catch (FileAlreadyExistsException e) {
                throw ExtractException.refused(link.getKey(), "a symbolic link where the archive also has a file or folder");
            }
        }
        Path real = root.toRealPath();
        for (String link : symlinks.keySet()) {
            Path at = root.resolve(link);
            if (Files.exists(at) && !at.toRealPath().startsWith(real)) {
                throw ExtractException.refused(link, "its symbolic link resolves outside the target (through other links)");
            }
        }
    }

    private void throughLink(String name, String path) throws ExtractException {
        for (String link : symlinks.keySet()) {
            if (path.equals(link) || path.startsWith(link + "/")) {
                throw ExtractException.refused(name, "it would be written through the symbolic link '" + link + "'");
            }
        }
    }

    private void directory(String name, String path) throws ExtractException, IOException {
        if (path.isEmpty()) {
            return;
        }
        Path dir = root.resolve(path);
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw ExtractException.refused(name, "a folder where the archive also has a file");
        }
    }

    private void file(Entry entry, String path, EntrySource source) throws ExtractException, IOException {
        directory(entry.name(), parent(path));
        budget.announce(entry.name(), entry.declaredSize());
        Path target = root.resolve(path);
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && files.containsKey(path)) {
            Files.delete(target); // a tar may hold a newer copy of a file further on; the last one wins
        }
        MessageDigest digest = hash ? sha256() : null;
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = source.content();
             OutputStream file = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                     LinkOption.NOFOLLOW_LINKS);
             OutputStream out = digest == null ? file : new DigestOutputStream(file, digest)) {
            for (int n; (n = read(in, buffer, entry)) > 0; ) {
                size += n;
                if (entry.declaredSize() >= 0 && size > entry.declaredSize()) {
                    throw ExtractException.refused(entry.name(), "it holds more than the " + entry.declaredSize()
                            + " bytes its header announces");
                }
                budget.wrote(entry.name(), n, source.consumed());
                if (stop.getAsBoolean()) {
                    throw new ExtractException(ExtractException.Kind.IO, "interrupted");
                }
                out.write(buffer, 0, n);
            }
        } catch (FileAlreadyExistsException e) {
            throw ExtractException.refused(entry.name(), "a file where the archive also has a folder or link");
        }
        files.put(path, new Extracted.ExtractedFile(path, size, digest == null ? null
                : HexFormat.of().formatHex(digest.digest())));
    }

    private void symlink(Entry entry, String path) throws ExtractException {
        if (EntryPath.linkTarget(path, entry.linkTarget(), true) == null) {
            throw ExtractException.refused(entry.name(), "its symbolic link points outside the target ("
                    + entry.linkTarget() + ")");
        }
        for (String earlier : files.keySet()) {
            if (earlier.startsWith(path + "/")) {
                throw ExtractException.refused(entry.name(), "a symbolic link over the folder of '" + earlier + "'");
            }
        }
        symlinks.put(path, entry.linkTarget().replace('\\', '/'));
    }

    private void hardLink(Entry entry, String path) throws ExtractException, IOException {
        String target = EntryPath.linkTarget(path, entry.linkTarget(), false);
        if (target == null || !files.containsKey(target)) {
            throw ExtractException.refused(entry.name(), "its hard link points outside the target or at no file "
                    + "extracted before it (" + entry.linkTarget() + ")");
        }
        throughLink(entry.name(), target);
        directory(entry.name(), parent(path));
        Extracted.ExtractedFile original = files.get(target);
        try {
            Files.createLink(root.resolve(path), root.resolve(target));
        } catch (FileAlreadyExistsException e) {
            throw ExtractException.refused(entry.name(), "a hard link where the archive also has a file");
        } catch (UnsupportedOperationException e) {
            Files.copy(root.resolve(target), root.resolve(path), LinkOption.NOFOLLOW_LINKS);
        }
        files.put(path, new Extracted.ExtractedFile(path, original.size(), original.sha256()));
    }

    /** Reads, turning the archive's own damage into a clear refusal of the entry. */
    private static int read(InputStream in, byte[] buffer, Entry entry) throws ExtractException {
        try {
            return in.read(buffer);
        } catch (IOException | RuntimeException e) {
            throw new ExtractException(ExtractException.Kind.DAMAGED, "the archive is damaged at entry '" + entry.name()
                    + "': " + e.getMessage(), e);
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
