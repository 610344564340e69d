package org.medfetch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medfetch.workflow.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs the command after giving every option the user did not type its default from, in this order: the
 * environment ({@code MEDFETCH_<NAME>}, e.g. MEDFETCH_WORKSPACE, MEDFETCH_CONNECTIONS), the workspace's
 * medfetch.toml, the user's config.toml; then the built-in default. An option typed always wins.
 */
final class ConfiguredRun implements IExecutionStrategy {

    private final MedfetchCommand root;

    ConfiguredRun(MedfetchCommand root) {
        this.root = root;
    }

    @Override
    public int execute(ParseResult parsed) {
        try {
            configure(parsed);
        } catch (UsageException e) {
            throw new ExecutionException(parsed.commandSpec().commandLine(), e.getMessage(), e);
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private void configure(ParseResult parsed) {
        List<ParseResult> chain = new ArrayList<>();
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            chain.add(p);
        }
        Set<String> known = Set.copyOf(ConfigFiles.KEYS);
        Map<String, String> env = root.env();
        ConfigFiles.File user = ConfigFiles.read(ConfigFiles.userFile(env, root.home()), known);
        if (!typed(chain, "workspace")) {
            Object value = value("workspace", env, List.of(user));
            if (value != null) {
                set(chain, "workspace", value, value == user.values().get("workspace") ? user.folder() : null);
            }
        }
        ConfigFiles.File workspace = ConfigFiles.read(ConfigFiles.workspaceFile(root.folder()), known);
        if (workspace.values().containsKey("workspace")) {
            throw new UsageException("config file " + workspace.path() + ": a workspace's medfetch.toml cannot name "
                    + "another workspace (set workspace in " + ConfigFiles.userFile(env, root.home()) + ")");
        }
        for (String key : known) {
            if (key.equals("workspace") || typed(chain, key)) {
                continue;
            }
            String variable = variable(key);
            if (!env.getOrDefault(variable, "").isEmpty()) {
                if (!key.equals("store")) { // MEDFETCH_STORE is read where the store opens, which names it in errors
                    set(chain, key, env.get(variable), null);
                }
            } else if (workspace.values().containsKey(key)) {
                set(chain, key, workspace.values().get(key), workspace.folder());
            } else if (user.values().containsKey(key)) {
                set(chain, key, user.values().get(key), user.folder());
            }
        }
    }

    private static Object value(String key, Map<String, String> env, List<ConfigFiles.File> files) {
        String fromEnv = env.getOrDefault(variable(key), "");
        if (!fromEnv.isEmpty()) {
            return fromEnv;
        }
        return files.stream().map(f -> f.values().get(key)).filter(v -> v != null).findFirst().orElse(null);
    }

    static String variable(String key) {
        return "MEDFETCH_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static boolean typed(List<ParseResult> chain, String key) {
        return chain.stream().anyMatch(p -> p.hasMatchedOption("--" + key));
    }

    /** Sets the option on every command of the chain that has it; relative paths start at {@code folder}. */
    private void set(List<ParseResult> chain, String key, Object value, Path folder) {
        for (ParseResult p : chain) {
            OptionSpec option = p.commandSpec().findOption("--" + key);
            if (option != null) {
                option.setValue(convert(option, key, value, folder));
            }
        }
    }

    private Object convert(OptionSpec option, String key, Object value, Path folder) {
        Class<?> type = option.type();
        String text = String.valueOf(value).strip();
        try {
            if (type == int.class || type == Integer.class) {
                return value instanceof Number n ? n.intValue() : Integer.parseInt(text);
            }
            if (type == boolean.class || type == Boolean.class) {
                if (value instanceof Boolean b) {
                    return b;
                }
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException();
                }
                return Boolean.parseBoolean(text);
            }
            // --catalog takes a file or a URL, so it is a string; as a file it is a path like the others
            boolean file = type == Path.class || key.equals("catalog") && !text.contains("://");
            if (file) {
                Path path = text.startsWith("~/") ? root.home().resolve(text.substring(2))
                        : Path.of(text);
                path = folder == null || path.isAbsolute() ? path : folder.resolve(path);
                return type == Path.class ? path : path.toString();
            }
            return text;
        } catch (IllegalArgumentException e) {
            throw new UsageException(key + " (from " + variable(key) + " or a config file) must be "
                    + (type == boolean.class || type == Boolean.class ? "true or false" : "a whole number")
                    + ", not '" + text + "'");
        }
    }
}
