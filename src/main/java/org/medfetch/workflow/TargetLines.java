package org.medfetch.workflow;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads targets from an input file, one per line, like aria2's --input-file: '#' starts a comment,
 * blank lines and indented option lines are skipped.
 */
public final class TargetLines {

    private TargetLines() {
    }

    public static List<String> read(Path file) {
        try {
            List<String> targets = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String text = line.startsWith("#") ? "" : line.replaceAll("\\s+#.*$", "");
                if (!text.isBlank() && !Character.isWhitespace(text.charAt(0))) {
                    targets.add(text.strip());
                }
            }
            return targets;
        } catch (NoSuchFileException e) {
            throw new UsageException("input file " + file + " does not exist");
        } catch (MalformedInputException e) {
            throw new UsageException("input file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("input file " + file + " cannot be read: " + e.getMessage());
        }
    }
}
