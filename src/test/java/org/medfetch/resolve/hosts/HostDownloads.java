package org.medfetch.resolve.hosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.cli.CliRun;

/** The fixture the end-to-end host download tests share, so each test class holds only its hosts and checks. */
abstract class HostDownloads {

    @TempDir
    Path workspace;

    @TempDir
    Path home;

    @TempDir
    Path dir;

    private final List<MockWebServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(MockWebServer::close);
    }

    /** Serves {@code fake} on a new local server; returns its root URL without the slash. */
    String serve(FakeHost fake) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(fake);
        server.start();
        servers.add(server);
        fake.base(server.url("/"));
        return server.url("/").toString().replaceAll("/$", "");
    }

    /** {@code size} random bytes, the same for the same {@code seed}. */
    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(String algorithm, byte[] data) {
        return HexFormat.of().formatHex(digest(algorithm, data));
    }

    /** A 200 whose body is {@code data}. */
    static MockResponse file(byte[] data) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                .body(new Buffer().write(data)).build();
    }

    /** A one-row Markdown catalog (dir/catalog.md, written again at each call). */
    Path catalog(String name, String link) throws IOException {
        Path file = dir.resolve("catalog.md");
        Files.writeString(file, "| Dataset | Link |\n|---|---|\n| " + name + " | " + link + " |\n");
        return file;
    }

    /** medfetch {@code args} on this test's workspace and home, with {@code env} as its environment. */
    CliRun medfetch(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("--workspace", workspace.toString()));
        all.addAll(List.of(args));
        return CliRun.run(env, home, all.toArray(String[]::new));
    }

    /**
     * medfetch get, without retries, of the one-row catalog {@code name | link}, the host at
     * {@code --endpoint endpoint} (host=url); the dataset is {@code name} in lower case, spaces as dashes.
     */
    CliRun get(String name, String link, String endpoint, Map<String, String> env) throws IOException {
        return medfetch(env, "--catalog", catalog(name, link).toString(), "--endpoint", endpoint, "get",
                name.toLowerCase(Locale.ROOT).replace(' ', '-'), "--no-progress", "--retries", "0");
    }
}
