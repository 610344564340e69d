package org.medfetch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher the build writes beside the jar (target/medfetch, from src/main/launcher): it runs the
 * jar, records a class-data-sharing archive in the user's cache and uses it, and nothing about the
 * archive reaches stdout, where get prints its sha256sum lines.
 */
class LauncherIT {

    @TempDir
    Path tmp;

    private Path cache;

    @BeforeEach
    void paths() {
        cache = tmp.resolve("cache");
    }

    private static Path launcher() {
        Path launcher = MedfetchProcess.jar().toAbsolutePath().resolveSibling("medfetch");
        assertTrue(Files.isExecutable(launcher), "the build writes an executable launcher beside the jar: " + launcher);
        return launcher;
    }

    /** Runs the launcher with its own cache and home, and the Java running this test. */
    private MedfetchProcess.Result run(Map<String, String> extra, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MEDFETCH_CDS");
        builder.environment().remove("MEDFETCH_JAVA_OPTS");
        builder.environment().putAll(extra);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish in three minutes: " + command);
        }
        return new MedfetchProcess.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<Path> archives() throws Exception {
        Path dir = cache.resolve("medfetch/cds");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    @Test
    void recordsAnArchiveUsesItAndKeepsStdoutForResults() throws Exception {
        byte[] body = "a small volume for the launcher test\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(Files.createDirectories(tmp.resolve("www")).resolve("scan.bin"), body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        try (RangeFileServer server = new RangeFileServer(tmp.resolve("www"), 0)) {
            MedfetchProcess.Result first = run(Map.of("MEDFETCH_CDS", "wait"), "--workspace",
                    tmp.resolve("ws").toString(), "get", server.url("scan.bin"), "--no-progress");
            assertEquals(0, first.exitCode(), first.err());
            assertEquals(sha + "  downloads/scan/scan.bin\n", first.out(), "stdout holds the result and nothing else");
            assertEquals(1, archives().size(), "MEDFETCH_CDS=wait records the archive before running");

            // -Xshare:on makes the JVM fail unless it can map the archive: the launcher really uses it
            MedfetchProcess.Result shared = run(Map.of("MEDFETCH_JAVA_OPTS", "-Xshare:on"), "--version");
            assertEquals(0, shared.exitCode(), shared.err());
            assertTrue(shared.out().startsWith("medfetch "), shared.out());
            assertFalse(shared.err().contains("CDS") || shared.err().contains("shared"), shared.err());
        }
    }

    @Test
    void anArchiveCutShortIsNotUsed() throws Exception {
        assertEquals(0, run(Map.of("MEDFETCH_CDS", "wait"), "--version").exitCode());
        Path archive = archives().get(0);
        byte[] whole = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 2));
        MedfetchProcess.Result run = run(Map.of(), "--version");
        assertEquals(0, run.exitCode(), "a short archive is passed over, not handed to the JVM: " + run.err());
        assertTrue(run.out().startsWith("medfetch "), run.out());
    }

    @Test
    void aMissingJarIsOneClearLine() throws Exception {
        MedfetchProcess.Result run = run(Map.of("MEDFETCH_JAR", tmp.resolve("nowhere.jar").toString()), "--version");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("medfetch: cannot find"), run.err());
    }
}
