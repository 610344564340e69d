package org.medfetch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A zip archive read through its central directory, which announces every entry's size before any
 * byte is written (a zip bomb is refused up front; one that lies is caught while reading).
 */
final class ZipSource implements EntrySource {

    private final CountingChannel file;
    private final ZipFile zip;
    private final Iterator<ZipArchiveEntry> entries;
    private final long declared;
    private ZipArchiveEntry current;

    private ZipSource(CountingChannel file, ZipFile zip) {
        this.file = file;
        this.zip = zip;
        List<ZipArchiveEntry> all = Collections.list(zip.getEntriesInPhysicalOrder());
        this.entries = all.iterator();
        long sum = 0;
        for (ZipArchiveEntry e : all) {
            sum = e.getSize() < 0 || sum < 0 ? -1 : sum + e.getSize();
        }
        this.declared = sum;
    }

    static ZipSource open(Path archive) throws IOException {
        CountingChannel file = new CountingChannel(FileChannel.open(archive, StandardOpenOption.READ));
        try {
            return new ZipSource(file, ZipFile.builder().setSeekableByteChannel(file).get());
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public Entry next() throws IOException {
        if (!entries.hasNext()) {
            return null;
        }
        current = entries.next();
        Entry.Type type = current.isUnixSymlink() ? Entry.Type.SYMLINK
                : Entry.ofUnixMode(current.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? current.getUnixMode() : 0,
                current.isDirectory());
        String link = type == Entry.Type.SYMLINK ? zip.getUnixSymlink(current) : null;
        return new Entry(current.getName(), type, type == Entry.Type.FILE ? current.getSize() : 0, link);
    }

    @Override
    public InputStream content() throws IOException {
        InputStream in = zip.getInputStream(current);
        if (in == null) {
            throw new IOException("entry " + current.getName() + " cannot be read (unsupported compression or encryption)");
        }
        return in;
    }

    @Override
    public long declaredTotal() {
        return declared;
    }

    @Override
    public long consumed() {
        return file.read();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
