package org.medfetch.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every file medfetch writes inside its dataset folder, whatever names a server, a torrent or an
 * API hands out: no "..", no absolute paths, no drive letters, no control characters.
 */
public final class SafePath {

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
        return result.isEmpty() ? null : result;
    }

    private static TransferException hostile(String path, String why) {
        return new TransferException(TransferException.Kind.BAD_INPUT, false,
                "refusing file name '" + path + "': " + why);
    }
}
