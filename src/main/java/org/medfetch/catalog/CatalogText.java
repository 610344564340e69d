package org.medfetch.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The text of a catalog with where it came from.
 *
 * @param origin "bundled" or the path as the user gave it
 * @param sha256 hex SHA-256 of the catalog file's bytes
 */
public record CatalogText(String origin, String sha256, String text) {

    /** A catalog given as text (tests, stdin): its hash is that of its UTF-8 bytes. */
    public static CatalogText of(String origin, String text) {
        return new CatalogText(origin, sha256(text.getBytes(StandardCharsets.UTF_8)), text);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
