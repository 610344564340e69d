package org.medfetch.workflow;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads targets from an input file, one per line, like aria2c's --input-file: '#' starts a comment, blank
 * lines are skipped, and indented {@code key=value} lines under a target set its options (checksum=,
 * dataset=, out=). Anything else indented is an error naming its line.
 */
public final class TargetLines {

    private TargetLines() {
    }

    /** The targets of the file, in order, each with its options. */
    public static Map<String, TargetOptions> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("input file " + file + " does not exist");
        } catch (MalformedInputException e) {
            throw new UsageException("input file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("input file " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, TargetOptions> targets = new LinkedHashMap<>();
        String current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String text = line.stripLeading().startsWith("#") ? "" : line.replaceAll("\\s+#.*$", "");
            if (text.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(text.charAt(0))) {
                current = text.strip();
                targets.putIfAbsent(current, TargetOptions.NONE);
                continue;
            }
            String where = "input file " + file + " line " + (i + 1) + ": ";
            if (current == null) {
                throw new UsageException(where + "an indented option line must follow a target");
            }
            targets.put(current, option(targets.get(current), text.strip(), where));
        }
        return targets;
    }

    private static TargetOptions option(TargetOptions o, String text, String where) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new UsageException(where + "'" + text + "' is not an option; write KEY=VALUE (checksum=, dataset=, out=)");
        }
        String key = text.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = text.substring(eq + 1).strip();
        return switch (key) {
            case "checksum" -> new TargetOptions(checksum(value), o.dataset(), o.out());
            case "dataset" -> new TargetOptions(o.checksum(), value, o.out());
            case "out" -> new TargetOptions(o.checksum(), o.dataset(), value);
            default -> throw new UsageException(where + "medfetch does not read the option '" + key + "=' (it reads "
                    + "checksum=, dataset= and out= under a target)");
        };
    }

    /** aria2c writes TYPE=DIGEST with sha-256 for SHA-256; medfetch's own form is sha256:HEX. */
    private static String checksum(String value) {
        String text = value.replaceFirst("^([A-Za-z0-9-]+)=", "$1:");
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(0, colon).replace("-", "").toLowerCase(Locale.ROOT) + text.substring(colon);
    }
}
