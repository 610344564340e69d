package org.medfetch.extract;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/** A read-only channel over the archive that counts the bytes read, for the expansion ratio. */
final class CountingChannel implements SeekableByteChannel {

    private final SeekableByteChannel in;
    private long read;

    CountingChannel(SeekableByteChannel in) {
        this.in = in;
    }

    long read() {
        return read;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = in.read(dst);
        read += Math.max(0, n);
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        throw new IOException("the archive is read-only");
    }

    @Override
    public long position() throws IOException {
        return in.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        in.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return in.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        throw new IOException("the archive is read-only");
    }

    @Override
    public boolean isOpen() {
        return in.isOpen();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
