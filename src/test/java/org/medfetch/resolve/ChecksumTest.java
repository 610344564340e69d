package org.medfetch.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChecksumTest {

    @Test
    void crc32cIsComputedAsGoogleCloudStoragePublishesIt() {
        // The check value of CRC-32C (Castagnoli) for "123456789" is 0xE3069283 (RFC 3720, B.4).
        Checksum check = new Checksum("crc32c", "e3069283");
        assertTrue(check.matches(check.newDigest().digest("123456789".getBytes(StandardCharsets.US_ASCII))));
        assertFalse(check.matches(check.newDigest().digest("123456780".getBytes(StandardCharsets.US_ASCII))));
        // An empty object's crc32c as GCS lists it: "AAAAAA==" (gcsfs recordings).
        String empty = HexFormat.of().formatHex(Base64.getDecoder().decode("AAAAAA=="));
        assertTrue(new Checksum("crc32c", empty).matches(check.newDigest().digest(new byte[0])));
    }

    @Test
    void aDigestIsReusableAfterItIsRead() {
        var digest = new Checksum("crc32c", "00000000").newDigest();
        byte[] first = digest.digest("123456789".getBytes(StandardCharsets.US_ASCII));
        assertEquals("e3069283", HexFormat.of().formatHex(first));
        assertEquals("e3069283", HexFormat.of().formatHex(digest.digest("123456789".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void crc32cIsFourBytes() {
        assertThrows(IllegalArgumentException.class, () -> new Checksum("crc32c", "e306928"));
        assertEquals("crc32c:e3069283", Checksum.parse("CRC32C:E3069283").toString());
    }
}
