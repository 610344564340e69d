package org.medfetch.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged medfetch jar as a real child process, as a user would. */
public final class MedfetchProcess {

    /** The outcome of a finished child. */
    public record Result(int exitCode, String out, String err) {
    }

    private MedfetchProcess() {
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("medfetch.jar", "target/medfetch.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("run 'mvn package' first: " + jar + " is missing");
        }
        return jar;
    }

    /** Starts medfetch with its stdout and stderr going to files in {@code logs}. */
    public static Process start(Path logs, Map<String, String> env, String... args) throws IOException {
        Files.createDirectories(logs);
        return start(env, logs.resolve("out-" + System.nanoTime() + ".txt"), logs.resolve("err.txt"), args);
    }

    /** Runs medfetch to completion (at most two minutes) and captures its output. */
    public static Result run(Path logs, Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile(Files.createDirectories(logs), "out", ".txt");
        Path err = Files.createTempFile(logs, "err", ".txt");
        Process p = start(env, out, err, args);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("medfetch " + String.join(" ", args) + " did not finish in two minutes");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Process start(Map<String, String> env, Path out, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }
}
