package org.medfetch.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Keeps every file medfetch writes inside its dataset folder, whatever names a server, a torrent or an
 * API hands out: no "..", no absolute paths, no drive letters, no control characters.
 */
public final class SafePath {

    /**
     * The longest name medfetch gives a file it names itself, in UTF-8 bytes: what file systems take, less
     * room for the suffixes medfetch adds beside it (".part", ".mismatch-UTC").
     */
    static final int MAX_NAME_BYTES = 255 - 32;
    /** The longest name a file system takes (Linux, macOS, Windows), in bytes: more is refused outright. */
    static final int FILE_SYSTEM_NAME_BYTES = 255;
    /** An extension is kept when it starts within this many characters of the end (".nii.gz", ".tar.gz"). */
    private static final int EXTENSION_REACH = 20;

    private SafePath() {
    }

    /**
     * Resolves a '/'-separated relative path under {@code folder}; hostile paths are refused.
     *
     * @throws TransferException of kind BAD_INPUT naming the offending path
     */
    public static Path resolve(Path folder, String relative) throws TransferException {
        if (relative == null || relative.isBlank()) {
            throw hostile(relative, "it is empty");
        }
        String unified = relative.replace('\\', '/');
        if (unified.startsWith("/") || unified.matches("^[A-Za-z]:.*")) {
            throw hostile(relative, "it is absolute");
        }
        List<String> parts = new ArrayList<>();
        for (String part : unified.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw hostile(relative, "it climbs out with '..'");
            }
            if (part.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw hostile(relative, "it contains control characters");
            }
            if (bytes(part) > FILE_SYSTEM_NAME_BYTES) {
                throw hostile(relative, "a name in it is longer than the " + FILE_SYSTEM_NAME_BYTES
                        + " bytes file systems allow");
            }
            parts.add(part);
        }
        if (parts.isEmpty()) {
            throw hostile(relative, "it names no file");
        }
        Path base = folder.toAbsolutePath().normalize();
        Path resolved = base.resolve(String.join("/", parts)).normalize();
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw hostile(relative, "it leaves the dataset folder");
        }
        return resolved;
    }

    /**
     * A safe single file name from a server's suggestion (Content-Disposition): the last path component,
     * without control characters or leading dots; null when nothing usable is left.
     */
    public static String fileName(String suggested) {
        if (suggested == null) {
            return null;
        }
        String name = suggested.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> c >= 0x20 && c != 0x7f && c != ':' && c != '"' && c != '*' && c != '?'
                && c != '<' && c != '>' && c != '|').forEach(clean::appendCodePoint);
        String result = clean.toString().strip().replaceAll("^\\.+", "");
        return result.isEmpty() ? null : fitted(result);
    }

    /** A '/'-separated path whose every name is {@link #fitted}: how medfetch names files it chooses itself. */
    public static String fittedPath(String relative) {
        List<String> parts = new ArrayList<>();
        for (String part : relative.split("/", -1)) {
            parts.add(fitted(part));
        }
        return String.join("/", parts);
    }

    /**
     * The name itself when it fits in {@value #MAX_NAME_BYTES} UTF-8 bytes; else its start, "~", eight hex
     * digits of the whole name's SHA-256 (two long names sharing a start stay apart) and its extension.
     */
    public static String fitted(String name) {
        if (bytes(name) <= MAX_NAME_BYTES) {
            return name;
        }
        int dot = name.indexOf('.', Math.max(1, name.length() - EXTENSION_REACH));
        String extension = dot < 0 ? "" : name.substring(dot);
        String stem = dot < 0 ? name : name.substring(0, dot);
        String mark = "~" + sha256(name).substring(0, 8);
        int room = MAX_NAME_BYTES - bytes(mark) - bytes(extension);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int cp : stem.codePoints().toArray()) {
            int size = bytes(new String(Character.toChars(cp)));
            if (used + size > room) {
                break;
            }
            kept.appendCodePoint(cp);
            used += size;
        }
        return kept + mark + extension;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static TransferException hostile(String path, String why) {
        return new TransferException(TransferException.Kind.BAD_INPUT, false,
                "refusing file name '" + path + "': " + why);
    }
}
