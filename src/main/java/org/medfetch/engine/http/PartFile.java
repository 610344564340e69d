package org.medfetch.engine.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;

/**
 * The {@code <name>.part} file a download is written into, shared by all its connections: positional
 * writes and reads (safe from several threads at once), forcing to disk, and errors turned into
 * transfer failures (a full disk is retryable: the bytes so far stay, and so does their progress).
 */
final class PartFile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;

    private PartFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    static Path of(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /** Opens (creating it and its folders if needed) the part file; its bytes are kept. */
    static PartFile open(Path path) throws TransferException {
        try {
            Files.createDirectories(path.getParent());
            return new PartFile(path, FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw failure("cannot open " + path, e);
        }
    }

    /** Fails with DISK_FULL unless the folder's file system has {@code needed} more bytes free. */
    static void checkSpace(Path folder, long needed) throws TransferException {
        try {
            Files.createDirectories(folder);
            long usable = Files.getFileStore(folder).getUsableSpace();
            if (needed > usable) {
                throw new TransferException(Kind.DISK_FULL, true, "not enough disk space in " + folder + ": "
                        + needed + " bytes needed, " + usable + " free");
            }
        } catch (IOException e) {
            throw failure("cannot check free space in " + folder, e);
        }
    }

    Path path() {
        return path;
    }

    long size() throws TransferException {
        try {
            return channel.size();
        } catch (IOException e) {
            throw failure("cannot read " + path, e);
        }
    }

    /** Writes all of {@code buffer} at {@code position}. */
    void write(ByteBuffer buffer, long position) throws TransferException {
        try {
            long at = position;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
        } catch (IOException e) {
            throw failure("cannot write " + path, e);
        }
    }

    /** Reads into {@code buffer} from {@code position} until it is full or the file ends; the count read. */
    int read(ByteBuffer buffer, long position) throws TransferException {
        try {
            int total = 0;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position + total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
            return total;
        } catch (IOException e) {
            throw failure("cannot read " + path, e);
        }
    }

    /** Forces written bytes to the device, so the progress recorded next describes durable data. */
    void force() throws TransferException {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw failure("cannot flush " + path + " to disk", e);
        }
    }

    void truncate(long size) throws TransferException {
        try {
            channel.truncate(size);
        } catch (IOException e) {
            throw failure("cannot truncate " + path, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was pending: every path that needs the bytes durable forces them first.
        }
    }

    static TransferException failure(String what, IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("no space left") || message.contains("disk quota exceeded")) {
            return new TransferException(Kind.DISK_FULL, true, what + ": disk full (" + e.getMessage()
                    + "); the bytes so far are kept", null, e);
        }
        return new TransferException(Kind.IO, false, what + ": " + e.getMessage(), null, e);
    }
}
