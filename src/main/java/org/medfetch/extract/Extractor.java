package org.medfetch.extract;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Unpacks one archive beside itself, safely and atomically: entries are written into a temporary
 * folder next to the target ({@code .<name>.extracting}), which becomes the target by a rename only
 * when every entry is in; a refused or interrupted extraction leaves nothing but that folder, which
 * the next attempt deletes before starting over.
 */
public final class Extractor {

    /** @param hash compute each file's SHA-256 while writing it */
    public record Options(ExtractLimits limits, boolean hash) {
    }

    private final FreeSpace freeSpace;

    public Extractor(FreeSpace freeSpace) {
        this.freeSpace = freeSpace;
    }

    /** Where an archive's contents go: its folder's child named after it without its extension. */
    public static Path target(Path archive, ArchiveFormat.Archive verdict) {
        return archive.toAbsolutePath().getParent().resolve(verdict.folder());
    }

    /**
     * @param stop raised to abandon the extraction (it then starts over next time)
     * @return what was written; file paths are relative to the archive's folder (they start with the
     *         target's name)
     * @throws ExtractException when the archive is refused, damaged, or there is not room for it
     */
    public Extracted extract(Path archive, Options options, BooleanSupplier stop) throws ExtractException {
        ArchiveFormat.Verdict verdict = ArchiveFormat.of(archive.getFileName().toString());
        if (verdict instanceof ArchiveFormat.Unsupported u) {
            throw new ExtractException(ExtractException.Kind.REFUSED, archive.getFileName() + ": " + u.why());
        }
        if (verdict instanceof ArchiveFormat.Keep k) {
            throw new ExtractException(ExtractException.Kind.REFUSED, archive.getFileName() + " is not unpacked: " + k.why());
        }
        ArchiveFormat.Archive format = (ArchiveFormat.Archive) verdict;
        Path target = target(archive, format);
        Path temp = target.resolveSibling("." + target.getFileName() + ".extracting");
        try {
            delete(temp);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new ExtractException(ExtractException.Kind.REFUSED, target.getFileName() + " already exists beside "
                        + archive.getFileName() + "; move it away to unpack the archive there");
            }
            Files.createDirectory(temp);
            Extracted result = unpack(archive, format, temp, options, stop);
            Path from = format.format() == ArchiveFormat.GZ ? temp.resolve(format.folder()) : temp;
            move(from, target);
            delete(temp);
            return result;
        } catch (ExtractException e) {
            quietlyDelete(temp);
            throw e;
        } catch (IOException e) {
            quietlyDelete(temp);
            throw writing(e, target);
        }
    }

    private Extracted unpack(Path archive, ArchiveFormat.Archive format, Path temp, Options options, BooleanSupplier stop)
            throws ExtractException, IOException {
        long archiveSize = Files.size(archive);
        Budget budget = new Budget(options.limits(), archiveSize);
        try (EntrySource source = open(archive, format)) {
            long needed = source.declaredTotal() >= 0 ? source.declaredTotal() : archiveSize;
            long free = freeSpace.usable(temp);
            if (needed > free) {
                throw new ExtractException(ExtractException.Kind.NO_SPACE, "not enough free space to unpack "
                        + archive.getFileName() + ": it needs at least " + needed + " bytes, " + free + " are free");
            }
            TargetTree tree = new TargetTree(temp, budget, options.hash(), stop);
            int entries = 0;
            for (Entry entry; (entry = next(source, archive)) != null; ) {
                entries++;
                tree.add(entry, source);
            }
            tree.finish();
            String prefix = format.format() == ArchiveFormat.GZ ? "" : format.folder() + "/";
            List<Extracted.ExtractedFile> files = new ArrayList<>();
            for (Extracted.ExtractedFile f : tree.files()) {
                String path = format.format() == ArchiveFormat.GZ ? format.folder() : prefix + f.path();
                files.add(new Extracted.ExtractedFile(path, f.size(), f.sha256()));
            }
            return new Extracted(entries, budget.written(), files, tree.notes());
        }
    }

    private static EntrySource open(Path archive, ArchiveFormat.Archive format) throws ExtractException {
        try {
            return switch (format.format()) {
                case ZIP -> ZipSource.open(archive);
                case SEVEN_Z -> SevenZSource.open(archive);
                case GZ -> TarSource.open(archive, ArchiveFormat.GZ, format.folder());
                default -> TarSource.open(archive, format.format(), null);
            };
        } catch (IOException | RuntimeException e) {
            throw new ExtractException(ExtractException.Kind.DAMAGED, archive.getFileName() + " cannot be read as "
                    + format.format().name().toLowerCase(java.util.Locale.ROOT).replace('_', '.') + ": " + e.getMessage(), e);
        }
    }

    private static Entry next(EntrySource source, Path archive) throws ExtractException {
        try {
            return source.next();
        } catch (IOException | RuntimeException e) {
            throw new ExtractException(ExtractException.Kind.DAMAGED, archive.getFileName() + " is damaged: "
                    + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static ExtractException writing(IOException e, Path target) {
        String message = String.valueOf(e.getMessage());
        boolean full = message.contains("No space left") || message.contains("not enough space");
        return new ExtractException(full ? ExtractException.Kind.NO_SPACE : ExtractException.Kind.IO,
                "cannot write " + target.getFileName() + ": " + message, e);
    }

    /** Removes an earlier extraction's tree (or a single .gz's file) before unpacking again. */
    public static void remove(Path extracted) throws IOException {
        delete(extracted);
    }

    /** Deletes a folder tree without following links (a link is removed, never what it points to). */
    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void quietlyDelete(Path folder) {
        try {
            delete(folder);
        } catch (IOException ignored) {
            // The next attempt deletes it before it starts.
        }
    }
}
