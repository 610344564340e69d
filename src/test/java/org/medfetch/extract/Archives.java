package org.medfetch.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Builds the archives the extraction tests unpack, good and hostile, entry by entry. */
public final class Archives {

    /** One entry: a file with content, a folder, a symbolic or hard link, or a device file. */
    public record Item(String name, Entry.Type type, byte[] content, String link) {

        public static Item file(String name, String content) {
            return new Item(name, Entry.Type.FILE, content.getBytes(StandardCharsets.UTF_8), null);
        }

        public static Item dir(String name) {
            return new Item(name, Entry.Type.DIRECTORY, new byte[0], null);
        }

        public static Item symlink(String name, String target) {
            return new Item(name, Entry.Type.SYMLINK, new byte[0], target);
        }

        public static Item hardlink(String name, String target) {
            return new Item(name, Entry.Type.HARDLINK, new byte[0], target);
        }

        public static Item device(String name) {
            return new Item(name, Entry.Type.SPECIAL, new byte[0], null);
        }
    }

    private Archives() {
    }

    public static Path tar(Path file, ArchiveFormat format, List<Item> items) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); OutputStream out = compressed(raw, format);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Item i : items) {
                TarArchiveEntry e = switch (i.type()) {
                    case DIRECTORY -> new TarArchiveEntry(i.name().endsWith("/") ? i.name() : i.name() + "/");
                    case SYMLINK -> new TarArchiveEntry(i.name(), TarConstants.LF_SYMLINK, true);
                    case HARDLINK -> new TarArchiveEntry(i.name(), TarConstants.LF_LINK, true);
                    case SPECIAL -> new TarArchiveEntry(i.name(), TarConstants.LF_CHR, true);
                    case FILE -> new TarArchiveEntry(i.name(), true);
                };
                if (i.link() != null) {
                    e.setLinkName(i.link());
                }
                if (i.type() == Entry.Type.FILE) {
                    e.setSize(i.content().length);
                }
                tar.putArchiveEntry(e);
                tar.write(i.content());
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    private static OutputStream compressed(OutputStream raw, ArchiveFormat format) throws IOException {
        return switch (format) {
            case TAR -> raw;
            case TAR_GZ -> new GzipCompressorOutputStream(raw);
            case TAR_BZ2 -> new BZip2CompressorOutputStream(raw);
            case TAR_XZ -> new XZCompressorOutputStream(raw);
            default -> throw new IllegalArgumentException(format.name());
        };
    }

    public static Path zip(Path file, List<Item> items) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (Item i : items) {
                ZipArchiveEntry e = new ZipArchiveEntry(i.type() == Entry.Type.DIRECTORY && !i.name().endsWith("/")
                        ? i.name() + "/" : i.name());
                byte[] content = i.content();
                if (i.type() == Entry.Type.SYMLINK) {
                    e.setUnixMode(0120777);
                    content = i.link().getBytes(StandardCharsets.UTF_8);
                } else if (i.type() == Entry.Type.SPECIAL) {
                    e.setUnixMode(0010644); // a FIFO
                } else if (i.type() == Entry.Type.FILE) {
                    e.setUnixMode(0100644);
                }
                zip.putArchiveEntry(e);
                zip.write(content);
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    public static Path sevenZ(Path file, List<Item> items) throws IOException {
        try (SevenZOutputFile out = new SevenZOutputFile(file.toFile())) {
            for (Item i : items) {
                SevenZArchiveEntry e = new SevenZArchiveEntry();
                e.setName(i.name());
                e.setDirectory(i.type() == Entry.Type.DIRECTORY);
                out.putArchiveEntry(e);
                if (i.type() == Entry.Type.FILE) {
                    out.write(i.content());
                }
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    public static Path gz(Path file, String content) throws IOException {
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
