package org.medfetch.resolve;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A published checksum.
 *
 * @param algorithm lower-case name: md5, sha1, sha256, sha512, or crc32c (Google Cloud Storage's only
 *                  checksum for composite objects)
 * @param hex       lower-case hex digest (crc32c: the 4 bytes big-endian, as GCS encodes them)
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
            case "crc32c" -> 4;
            default -> throw new IllegalArgumentException("unsupported checksum algorithm '" + algorithm
                    + "' (use md5, sha1, sha256, sha512 or crc32c)");
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

    /** The Java MessageDigest name for this algorithm ("CRC32C" for crc32c, which {@link #newDigest} makes). */
    public String digestName() {
        return switch (algorithm) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            case "crc32c" -> "CRC32C";
            default -> "SHA-512";
        };
    }

    /** A fresh digest computing this algorithm. */
    public MessageDigest newDigest() {
        if (algorithm.equals("crc32c")) {
            return new Crc32cDigest();
        }
        try {
            return MessageDigest.getInstance(digestName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5, SHA-1, SHA-256 and SHA-512", e);
        }
    }

    public boolean matches(byte[] digest) {
        return HexFormat.of().formatHex(digest).equals(hex);
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
