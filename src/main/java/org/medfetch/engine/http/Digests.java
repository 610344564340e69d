package org.medfetch.engine.http;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfetch.resolve.Checksum;

/**
 * SHA-256 (what medfetch records) plus every algorithm a published checksum uses, all fed the same
 * bytes in one pass.
 */
final class Digests {

    /** A published checksum the bytes do not match. */
    record Mismatch(Checksum expected, String actualHex) {
    }

    private final List<Checksum> expected;
    private final Map<String, MessageDigest> byName = new LinkedHashMap<>();

    Digests(List<Checksum> expected) {
        this.expected = List.copyOf(expected);
        digest("SHA-256");
        expected.forEach(c -> byName.computeIfAbsent(c.digestName(), n -> c.newDigest()));
    }

    /** Feeds the buffer's remaining bytes to every digest; the buffer ends where it began. */
    void update(ByteBuffer bytes) {
        for (MessageDigest d : byName.values()) {
            bytes.mark();
            d.update(bytes);
            bytes.reset();
        }
    }

    void update(byte[] bytes, int offset, int length) {
        byName.values().forEach(d -> d.update(bytes, offset, length));
    }

    /** Finishes the digests: the SHA-256 in hex and every published checksum that does not match. */
    Result finish() {
        Map<String, String> hex = new LinkedHashMap<>();
        byName.forEach((name, d) -> hex.put(name, HexFormat.of().formatHex(d.digest())));
        List<Mismatch> mismatches = new ArrayList<>();
        for (Checksum c : expected) {
            if (!hex.get(c.digestName()).equals(c.hex())) {
                mismatches.add(new Mismatch(c, hex.get(c.digestName())));
            }
        }
        return new Result(hex.get("SHA-256"), mismatches);
    }

    record Result(String sha256, List<Mismatch> mismatches) {
        /** "expected md5:..., got ..." for each mismatch. */
        String describe() {
            StringBuilder s = new StringBuilder();
            for (Mismatch m : mismatches) {
                s.append(s.length() == 0 ? "" : "; ").append("expected ").append(m.expected()).append(", got ")
                        .append(m.expected().algorithm()).append(':').append(m.actualHex());
            }
            return s.toString();
        }
    }

    private void digest(String name) {
        byName.computeIfAbsent(name, n -> {
            try {
                return MessageDigest.getInstance(n);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this Java lacks " + n + ", which every Java must have", e);
            }
        });
    }
}
