package org.medfetch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;

/** A 7z archive; its header announces every entry's size, like a zip's central directory. */
final class SevenZSource implements EntrySource {

    /** 7-Zip marks attributes that carry a Unix mode in their high 16 bits (FILE_ATTRIBUTE_UNIX_EXTENSION). */
    private static final int UNIX_EXTENSION = 0x8000;
    /** 7-Zip's memory cap for a dictionary is far above any real archive's; a hostile header asks for more. */
    private static final int MAX_MEMORY_KIB = 1 << 20;

    private final CountingChannel file;
    private final SevenZFile sevenZ;
    private final long declared;
    private SevenZArchiveEntry current;

    private SevenZSource(CountingChannel file, SevenZFile sevenZ) {
        this.file = file;
        this.sevenZ = sevenZ;
        long sum = 0;
        for (SevenZArchiveEntry e : sevenZ.getEntries()) {
            sum += e.hasStream() ? e.getSize() : 0;
        }
        this.declared = sum;
    }

    static SevenZSource open(Path archive) throws IOException {
        CountingChannel file = new CountingChannel(FileChannel.open(archive, StandardOpenOption.READ));
        try {
            return new SevenZSource(file, SevenZFile.builder().setSeekableByteChannel(file)
                    .setMaxMemoryLimitKiB(MAX_MEMORY_KIB).get());
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public Entry next() throws IOException {
        current = sevenZ.getNextEntry();
        if (current == null) {
            return null;
        }
        if (current.isAntiItem()) {
            return new Entry(current.getName(), Entry.Type.SPECIAL, 0, null);
        }
        int attributes = current.getHasWindowsAttributes() ? current.getWindowsAttributes() : 0;
        int mode = (attributes & UNIX_EXTENSION) != 0 ? attributes >>> 16 : 0;
        Entry.Type type = Entry.ofUnixMode(mode, current.isDirectory());
        String link = null;
        if (type == Entry.Type.SYMLINK) {
            link = new String(sevenZ.getInputStream(current).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return new Entry(current.getName(), type, type == Entry.Type.FILE ? current.getSize() : 0, link);
    }

    @Override
    public InputStream content() throws IOException {
        return sevenZ.getInputStream(current);
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
        sevenZ.close();
    }
}
