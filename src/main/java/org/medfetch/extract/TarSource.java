package org.medfetch.extract;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * A tar archive, plain or compressed, read as one stream; also a single-file .gz, whose one entry is
 * the decompressed file. The archive file is counted below the decompressor.
 */
final class TarSource implements EntrySource {

    private final CountingChannel file;
    private final InputStream decompressed;
    private final TarArchiveInputStream tar;
    private final String single;
    private boolean singleDone;

    private TarSource(CountingChannel file, InputStream decompressed, String single) {
        this.file = file;
        this.decompressed = decompressed;
        this.single = single;
        this.tar = single == null ? new TarArchiveInputStream(decompressed) : null;
    }

    /** @param single for a .gz, the name of its one file; null for a tar */
    static TarSource open(Path archive, ArchiveFormat format, String single) throws IOException {
        CountingChannel file = new CountingChannel(FileChannel.open(archive, StandardOpenOption.READ));
        try {
            InputStream raw = new BufferedInputStream(Channels.newInputStream(file), 1 << 16);
            InputStream in = switch (format) {
                case TAR -> raw;
                // true: concatenated gzip members (pigz, appended streams) are one file, as gunzip reads them
                case TAR_GZ, GZ -> new GzipCompressorInputStream(raw, true);
                case TAR_BZ2 -> new BZip2CompressorInputStream(raw, true);
                case TAR_XZ -> new XZCompressorInputStream(raw, true);
                default -> throw new IllegalArgumentException(format + " is not read as a stream");
            };
            return new TarSource(file, in, single);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public Entry next() throws IOException {
        if (single != null) {
            if (singleDone) {
                return null;
            }
            singleDone = true;
            return new Entry(single, Entry.Type.FILE, -1, null);
        }
        TarArchiveEntry e = tar.getNextEntry();
        if (e == null) {
            return null;
        }
        Entry.Type type;
        if (e.isDirectory()) {
            type = Entry.Type.DIRECTORY;
        } else if (e.isSymbolicLink()) {
            type = Entry.Type.SYMLINK;
        } else if (e.isLink()) {
            type = Entry.Type.HARDLINK;
        } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            type = Entry.Type.SPECIAL;
        } else if (e.isFile()) {
            type = Entry.Type.FILE;
        } else {
            type = Entry.Type.SPECIAL;
        }
        return new Entry(e.getName(), type, type == Entry.Type.FILE ? e.getSize() : 0,
                type == Entry.Type.SYMLINK || type == Entry.Type.HARDLINK ? e.getLinkName() : null);
    }

    @Override
    public InputStream content() {
        // The entry's reader must not close the archive's stream.
        return new FilterInputStream(single != null ? decompressed : tar) {
            @Override
            public void close() {
            }
        };
    }

    @Override
    public long declaredTotal() {
        return -1;
    }

    /** What the decompressor took in (exact, unlike the read-ahead of the file below it). */
    @Override
    public long consumed() {
        return decompressed instanceof InputStreamStatistics stats ? stats.getCompressedCount() : file.read();
    }

    @Override
    public void close() throws IOException {
        try {
            (tar != null ? tar : decompressed).close();
        } finally {
            file.close();
        }
    }
}
