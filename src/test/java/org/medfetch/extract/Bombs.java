package org.medfetch.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Archives of a few MB that expand to GiB of zeros, built without compressing GiB: once the window is
 * all zeros, every further MiB of zeros deflates to the same bytes, so one such block is repeated.
 */
final class Bombs {

    private static final int MIB = 1 << 20;

    private Bombs() {
    }

    /** A zip of one entry of {@code mib} MiB of zeros; {@code declared} is the size its headers announce. */
    static Path zip(Path file, int mib, long declared) throws IOException {
        byte[] name = "zeros.bin".getBytes(StandardCharsets.US_ASCII);
        long crc = crcOfZeros((long) mib * MIB);
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer local = le(30 + name.length).putInt(0x04034b50).putShort((short) 20).putShort((short) 0)
                    .putShort((short) 8).putInt(0).putInt((int) crc);
            long compressedAt = local.position();
            local.putInt(0).putInt((int) declared).putShort((short) name.length).putShort((short) 0).put(name);
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            long compressed = deflateZeros(data, new byte[0], (long) mib * MIB);
            local.putInt((int) compressedAt, (int) compressed);
            out.write(local.array());
            data.writeTo(out);
            ByteBuffer central = le(46 + name.length).putInt(0x02014b50).putShort((short) 20).putShort((short) 20)
                    .putShort((short) 0).putShort((short) 8).putInt(0).putInt((int) crc).putInt((int) compressed)
                    .putInt((int) declared).putShort((short) name.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).put(name);
            out.write(central.array());
            long centralAt = local.capacity() + compressed;
            out.write(le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1)
                    .putShort((short) 1).putInt(central.capacity()).putInt((int) centralAt).putShort((short) 0).array());
        }
        return file;
    }

    /** A gzip of {@code head} followed by {@code zeros} zero bytes (a .gz bomb, or a .tar.gz bomb's stream). */
    static Path gzip(Path file, byte[] head, long zeros) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(head);
        updateZeros(crc, zeros);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
            deflateZeros(out, head, zeros);
            out.write(le(8).putInt((int) crc.getValue()).putInt((int) (head.length + zeros)).array());
        }
        return file;
    }

    /** Raw deflate of head + zeros into out; returns the compressed length. */
    private static long deflateZeros(OutputStream out, byte[] head, long zeros) throws IOException {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        long written = 0;
        d.setInput(head);
        written += flush(d, out, Deflater.NO_FLUSH);
        long left = zeros;
        byte[] mib = new byte[MIB];
        byte[] previous = null;
        while (left >= MIB) {
            d.setInput(mib);
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            flush(d, chunk, Deflater.SYNC_FLUSH);
            byte[] block = chunk.toByteArray();
            left -= MIB;
            out.write(block);
            written += block.length;
            if (Arrays.equals(block, previous)) {
                for (; left >= MIB; left -= MIB) {
                    out.write(block);
                    written += block.length;
                }
            }
            previous = block;
        }
        d.setInput(new byte[(int) left]);
        written += flush(d, out, Deflater.NO_FLUSH);
        d.finish();
        while (!d.finished()) {
            written += flush(d, out, Deflater.NO_FLUSH);
        }
        d.end();
        return written;
    }

    /** Drains what the deflater has for its input so far (all of it once finished). */
    private static long flush(Deflater d, OutputStream out, int mode) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        while (true) {
            int n = d.deflate(buffer, 0, buffer.length, mode);
            out.write(buffer, 0, n);
            total += n;
            if (d.finished() || n < buffer.length && d.needsInput()) {
                return total;
            }
        }
    }

    private static long crcOfZeros(long count) {
        CRC32 crc = new CRC32();
        updateZeros(crc, count);
        return crc.getValue();
    }

    private static void updateZeros(CRC32 crc, long count) {
        byte[] zeros = new byte[MIB];
        for (long left = count; left > 0; left -= MIB) {
            crc.update(zeros, 0, (int) Math.min(MIB, left));
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
