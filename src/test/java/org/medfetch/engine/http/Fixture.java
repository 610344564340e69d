package org.medfetch.engine.http;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.medfetch.engine.Checkpoints;
import org.medfetch.engine.CompletedFile;
import org.medfetch.engine.Progress;
import org.medfetch.engine.StopSignal;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferOptions;
import org.medfetch.engine.TransferStopped;
import org.medfetch.engine.TransferTask;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.Source.HttpSource;
import org.medfetch.store.FileRecord;
import org.medfetch.store.JobState;
import org.medfetch.store.NewFile;
import org.medfetch.store.NewJob;
import org.medfetch.store.Store;

/**
 * A workspace with a real SQLite store and one claimed file, as the engine hands it to a transfer, plus
 * what the tests compare against.
 */
final class Fixture implements AutoCloseable {

    static final String OWNER = "test-owner";
    static final long LEASE = 60_000;

    final Path workspace;
    final Store store;
    final FileServer files;
    final MockWebServer server = new MockWebServer();
    final OkHttpClient client;
    TransferOptions options = TransferOptions.defaults().withConnections(1).withTimeout(Duration.ofSeconds(10));
    long fileId;
    HttpSource source;
    StopSignal stop = new StopSignal();

    /** A workspace in {@code workspace} and a started server of {@code files} on 127.0.0.1. */
    Fixture(Path workspace, FileServer files) throws IOException {
        this(workspace, files, null);
    }

    /** The same, served over HTTPS with {@code tls}'s certificate (which the client trusts) when not null. */
    Fixture(Path workspace, FileServer files, TestTls tls) throws IOException {
        this.workspace = workspace;
        this.files = files;
        this.store = Store.open(workspace.resolve("downloads/.medfetch/state.db"), Clock.systemUTC());
        OkHttpClient plain = HttpTransfer.client(Duration.ofSeconds(10), 8, ProxyFromEnvironment.none());
        this.client = tls == null ? plain : tls.trusting(plain);
        if (tls != null) {
            // HTTP/1.1 as many servers speak it over TLS (nginx unless told otherwise), not HTTP/2.
            server.useHttps(tls.server.getSocketFactory());
            server.setProtocols(List.of(Protocol.HTTP_1_1));
        }
        server.setDispatcher(files);
        server.start();
    }

    URI url(String path) {
        return server.url(path).uri();
    }

    /** Fetches the file with a fresh task. */
    List<CompletedFile> fetch(Progress progress) throws TransferException, TransferStopped {
        return new HttpTransfer(client, Authorizer.NONE).fetch(task(), progress);
    }

    CompletedFile fetch() throws TransferException, TransferStopped {
        return fetch(new Recording()).get(0);
    }

    /** Queues and claims one file; {@code name} null lets the server name it. */
    Fixture file(URI url, String name, Long size, List<Checksum> checksums) {
        var job = store.addJob(new NewJob("ds", "Data set", url.toString(), url.toString(), "direct", "http", "url",
                url.toString(), JobState.ACTIVE, null, null, null), "default");
        String sums = checksums.isEmpty() ? null
                : checksums.stream().map(Checksum::toString).collect(Collectors.joining(" "));
        FileRecord file = store.addFile(job.id(), new NewFile("http", url.toString(),
                "downloads/ds/" + (name == null ? "download" : name), size, sums, null, null, name == null));
        FileRecord claimed = store.claim(OWNER, LEASE, Set.of()).orElseThrow();
        if (claimed.id() != file.id()) {
            throw new IllegalStateException("claimed another file");
        }
        fileId = file.id();
        source = new HttpSource(url, name, size, checksums, null);
        return this;
    }

    Fixture file(URI url, String name) {
        return file(url, name, null, List.of());
    }

    /** A task as the engine builds it for the record as it is now (its path may have been renamed). */
    TransferTask<HttpSource> task() {
        stop = new StopSignal();
        FileRecord record = store.file(fileId).orElseThrow();
        Path datasetDir = workspace.resolve("downloads/ds");
        Path target = workspace.resolve(record.path());
        return new TransferTask<>(fileId, source, datasetDir, target, new Checkpoints(store, fileId, OWNER, LEASE, stop),
                options, stop);
    }

    FileRecord record() {
        return store.file(fileId).orElseThrow();
    }

    Path dataset() {
        return workspace.resolve("downloads/ds");
    }

    @Override
    public void close() {
        store.close();
        server.close();
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        return hex("SHA-256", bytes);
    }

    static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    /** Remembers what the transfer reported. */
    static final class Recording implements Progress {
        final AtomicLong advanced = new AtomicLong();
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        /** Told the running total after every advance (from worker threads). */
        volatile LongConsumer afterAdvance = total -> { };

        @Override
        public void started(long fileId, String name, long size, long done) {
            events.add("started " + name + " " + size + " " + done);
        }

        @Override
        public void advanced(long fileId, long bytes) {
            afterAdvance.accept(advanced.addAndGet(bytes));
        }

        @Override
        public void sized(long fileId, long size, long done) {
            events.add("sized " + size + " " + done);
        }

        @Override
        public void status(long fileId, String message) {
            events.add("status " + message);
        }

        @Override
        public void finished(long fileId, String outcome) {
            events.add("finished " + outcome);
        }
    }
}
