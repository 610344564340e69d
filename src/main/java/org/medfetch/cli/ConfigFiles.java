package org.medfetch.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medfetch.workflow.UsageException;

/**
 * medfetch's TOML config files: the user's ({@code $XDG_CONFIG_HOME/medfetch/config.toml}, else
 * {@code ~/.config/medfetch/config.toml}) and the workspace's ({@code <workspace>/medfetch.toml}). Each holds
 * defaults for options, by the option's long name: {@code connections = 8}, {@code max-rate = "20M"}.
 */
final class ConfigFiles {

    /**
     * The options a config file may set, by long name. Fixed here rather than read from the command models:
     * a command builds only its own model (Cli.forArguments); ConfigFilesTest checks each is an option.
     */
    static final List<String> KEYS = List.of("workspace", "catalog", "mirrors", "no-mirrors", "store", "connections",
            "parallel", "max-rate", "retries", "max-retry-wait", "timeout", "checkpoint-every", "no-progress");

    /** One file's values; {@code folder} is where its relative paths start. */
    record File(Path path, Map<String, Object> values) {

        Path folder() {
            return path.toAbsolutePath().getParent();
        }
    }

    private ConfigFiles() {
    }

    static Path userFile(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("medfetch").resolve("config.toml");
    }

    static Path workspaceFile(Path workspace) {
        return workspace.resolve("medfetch.toml");
    }

    /**
     * The file's values, or none when it does not exist. A key this build does not know, a table, a list or
     * a malformed file is a usage error naming the file.
     *
     * @param known the keys that may appear
     */
    static File read(Path file, Set<String> known) {
        if (!Files.isRegularFile(file)) {
            return new File(file, Map.of());
        }
        Map<String, Object> values;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = new TomlMapper().readValue(Files.readString(file), Map.class);
            values = read == null ? Map.of() : read;
        } catch (JacksonException e) {
            throw new UsageException("config file " + file + " is not valid TOML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new UsageException("config file " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new UsageException("config file " + file + ": unknown key '" + e.getKey() + "' (medfetch reads: "
                        + String.join(", ", KEYS.stream().filter(known::contains).toList()) + ")");
            }
            if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                throw new UsageException("config file " + file + ": " + e.getKey() + " takes one value, not a "
                        + (e.getValue() instanceof Map ? "table" : "list"));
            }
            out.put(e.getKey(), e.getValue());
        }
        return new File(file, out);
    }
}
