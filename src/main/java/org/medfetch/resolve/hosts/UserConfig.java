package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.medfetch.resolve.ResolveException;

/**
 * Where credentials are looked for: the environment and the home folder medfetch was given (never the
 * process's own, so tests control both), plus the sink for warnings about them. Errors name the
 * variable or file, never its content.
 */
public final class UserConfig {

    private final Map<String, String> env;
    private final Path home;
    private final Consumer<String> warnings;

    /** @param warnings receives one line per problem worth a person's attention (the CLI prints them) */
    public UserConfig(Map<String, String> env, Path home, Consumer<String> warnings) {
        this.env = Map.copyOf(env);
        this.home = home;
        this.warnings = warnings;
    }

    /** A variable's value, when it is set and not blank. */
    public Optional<String> variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public Path home() {
        return home;
    }

    /** {@code relative} inside the home folder. */
    public Path inHome(String relative) {
        return home.resolve(relative);
    }

    public void warn(String message) {
        warnings.accept(message);
    }

    /** The trimmed text of a file, or empty when it does not exist or holds only blanks. */
    public Optional<String> text(Path file) throws ResolveException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            throw new ResolveException("cannot read " + file + ": " + e.getClass().getSimpleName(), false);
        }
    }

    /** A JSON object file, or empty when it does not exist. */
    public Optional<JsonNode> json(Path file) throws ResolveException {
        Optional<String> text = text(file);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text.get());
            if (node == null || !node.isObject()) {
                throw new ResolveException(file + " is not a JSON object", false);
            }
            return Optional.of(node);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the file's content, which may be a key: say only where.
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new ResolveException(file + " is not valid JSON" + line, false);
        }
    }

    /** A text field of a JSON object, when present and not blank. */
    public static Optional<String> field(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || !value.isValueNode() || value.asText().isBlank() ? Optional.empty()
                : Optional.of(value.asText().strip());
    }

    /** Whether users other than the owner may read the file (false where permissions are not POSIX). */
    public static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
