package org.medfetch.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A private PostgreSQL server for the tests of one JVM: a cluster made with initdb in a temporary folder,
 * started with pg_ctl on a free loopback port (password authentication, as a real server asks), stopped
 * and deleted when the JVM exits. PostgreSQL refuses to run as root, so as root it runs as the
 * {@code postgres} system user. Each test takes a database of its own. Where no server can start, a test
 * that needs one is skipped with a visible SKIPPED line; MEDFETCH_E2E=require makes that a failure.
 */
public final class PostgresCluster {

    public static final String USER = "medfetch";

    private static PostgresCluster shared;
    private static String unavailable;

    private final Path dir;
    private final Path bin;
    private final List<String> asPostgres;
    private final int port;
    private final String password;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresCluster(Path dir, Path bin, List<String> asPostgres, int port, String password) {
        this.dir = dir;
        this.bin = bin;
        this.asPostgres = asPostgres;
        this.port = port;
        this.password = password;
    }

    /** The JVM's cluster, started on first use; skips (or fails, when required) the calling test without one. */
    public static synchronized PostgresCluster require() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
                Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
            } catch (IOException | RuntimeException e) {
                unavailable = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable = "interrupted while starting PostgreSQL";
            }
        }
        if (shared != null) {
            return shared;
        }
        String message = "PostgreSQL tests need a server (apt-get install -y postgresql): " + unavailable;
        if ("require".equals(System.getenv("MEDFETCH_E2E"))) {
            Assertions.fail(message + ", and MEDFETCH_E2E=require");
        }
        System.err.println("SKIPPED: " + message + "; set MEDFETCH_E2E=require to make this a failure");
        Assumptions.abort("SKIPPED: " + message);
        throw new IllegalStateException("unreachable");
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /** A new empty database, and the address medfetch reaches it at (with the password, as PGPASSWORD gives it). */
    public StoreAddress.Postgres newDatabase() {
        String name = "t" + databases.incrementAndGet();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return new StoreAddress.Postgres("127.0.0.1", port, name, USER, Map.of(), password);
    }

    /** The URL --store takes for a database (no password: that goes in PGPASSWORD). */
    public String url(String database) {
        return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + database;
    }

    /** A connection of the cluster's superuser, for what tests look at or change behind medfetch's back. */
    public Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
    }

    private static PostgresCluster start() throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "no initdb and pg_ctl in /usr/lib/postgresql/*/bin or on the PATH"));
        List<String> asPostgres = List.of();
        Path dir = Files.createTempDirectory("medfetch-pg");
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL will not run as root: its files and processes belong to the postgres system user
            asPostgres = List.of("runuser", "-u", "postgres", "--");
            exec(List.of("chown", "postgres:", dir.toString()), dir.resolve("chown.log"), List.of());
        }
        String password = HexFormat.of().formatHex(java.security.SecureRandom.getSeed(12));
        Path pw = dir.resolve("pw");
        exec(List.of("sh", "-c", "umask 077 && cat > " + pw), dir.resolve("pw.log"), asPostgres, password);
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PostgresCluster cluster = new PostgresCluster(dir, bin, asPostgres, port, password);
        exec(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                "--pwfile=" + pw, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"),
                dir.resolve("initdb.log"), asPostgres);
        // fsync off: a test server never outlives a crash, and the tests' commits need not reach the platter
        exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + dir
                + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"),
                dir.resolve("pg_ctl.log"), asPostgres);
        return cluster;
    }

    private void stop() {
        try {
            exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "stop"), dir.resolve("stop.log"), asPostgres);
        } catch (IOException | RuntimeException e) {
            // the JVM is exiting: a server that will not stop is reported in its log
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left in the temp folder
        }
    }

    /** initdb of the newest PostgreSQL in /usr/lib/postgresql (Debian's layout), else the one on the PATH. */
    private static Optional<Path> binaries() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path b = Path.of(entry.isEmpty() ? "." : entry);
            if (Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl"))) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void exec(List<String> command, Path log, List<String> prefix, String... input)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (var in = p.getOutputStream()) {
            for (String text : input) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", full) + " failed: "
                    + Files.readString(log, StandardCharsets.UTF_8).strip());
        }
    }
}
