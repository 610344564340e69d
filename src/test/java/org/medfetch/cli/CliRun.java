package org.medfetch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfetch.Main;

/** Runs the real wiring from Main in-process and captures what a user would see. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Map<String, String> env, Path home, String... args) {
        return run(new Main(env, home), args);
    }

    /** Runs a command through wiring built for the test (a Main given other parts than the system's). */
    public static CliRun run(Main main, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun run(String... args) {
        return run(Map.of(), Path.of("no-home"), args);
    }

    /** Runs a command with {@code --workspace workspace} in front of its arguments. */
    public static CliRun in(Path workspace, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--workspace";
        all[1] = workspace.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return run(all);
    }

    public List<String> lines() {
        return new ArrayList<>(out.lines().toList());
    }
}
