package org.medfetch.resolve;

import java.security.MessageDigest;
import java.util.zip.CRC32C;

/**
 * CRC32C as a {@link MessageDigest}, so it is fed the same bytes as the other digests. The value is the
 * 4-byte big-endian checksum, the form Google Cloud Storage publishes in base64 (objects' crc32c).
 */
final class Crc32cDigest extends MessageDigest {

    private final CRC32C crc = new CRC32C();

    Crc32cDigest() {
        super("CRC32C");
    }

    @Override
    protected void engineUpdate(byte input) {
        crc.update(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        crc.update(input, offset, len);
    }

    @Override
    protected void engineUpdate(java.nio.ByteBuffer input) {
        crc.update(input);
    }

    @Override
    protected byte[] engineDigest() {
        long value = crc.getValue();
        crc.reset();
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    @Override
    protected void engineReset() {
        crc.reset();
    }
}
