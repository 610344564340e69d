package org.medfetch.resolve;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A published checksum.
 *
 * @param algorithm lower-case name: md5, sha1, sha256, sha512
 * @param hex       lower-case hex digest
 */
public record Checksum(String algorithm, String hex) {

    public Checksum {
        algorithm = algorithm.toLowerCase(Locale.ROOT).replace("-", "");
        hex = hex.toLowerCase(Locale.ROOT);
        int bytes = switch (algorithm) {
            case "md5" -> 16;
            case "sha1" -> 20;
            case "sha256" -> 32;
            case "sha512" -> 64;
            default -> throw new IllegalArgumentException("unsupported checksum algorithm '" + algorithm
                    + "' (use md5, sha1, sha256 or sha512)");
        };
        if (hex.length() != bytes * 2 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a " + algorithm + " checksum is " + bytes * 2 + " hex digits, not '"
                    + hex + "'");
        }
    }

    /** Parses "ALGO:HEX" (as in Zenodo's "md5:..." or medfetch's --checksum option). */
    public static Checksum parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("a checksum is written ALGO:HEX, e.g. sha256:9f86d0..., not '" + text + "'");
        }
        return new Checksum(text.substring(0, colon), text.substring(colon + 1).strip());
    }

    /** The Java MessageDigest name for this algorithm. */
    public String digestName() {
        return switch (algorithm) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            default -> "SHA-512";
        };
    }

    public boolean matches(byte[] digest) {
        return HexFormat.of().formatHex(digest).equals(hex);
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
