package org.medfetch.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small static file server on 127.0.0.1 for tests that kill medfetch mid-download: byte ranges,
 * a strong ETag, a per-connection rate limit (so a download lasts long enough to be killed), and a count
 * of the body bytes it sent per file (to measure what a resume fetched again).
 */
public final class RangeFileServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private final Path root;
    private final long bytesPerSecond;
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

    /** @param bytesPerSecond limit per connection, 0 for none */
    public RangeFileServer(Path root, long bytesPerSecond) throws IOException {
        this.root = root;
        this.bytesPerSecond = bytesPerSecond;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "range-file-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::serve);
        server.start();
    }

    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    /** Body bytes sent for one file, over all requests (complete or cut off). */
    public long bytesSent(String name) {
        return sent.getOrDefault(name, new AtomicLong()).get();
    }

    public long requests(String name) {
        return requests.getOrDefault(name, new AtomicLong()).get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(1);
        Path file = root.resolve(name).normalize();
        requests.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        long size = Files.size(file);
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(Files.getLastModifiedTime(file).toMillis()) + "\"";
        long from = 0;
        long to = size - 1;
        String range = exchange.getRequestHeaders().getFirst("Range");
        String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
        boolean partial = false;
        if (range != null && (ifRange == null || ifRange.equals(etag))) {
            Matcher m = RANGE.matcher(range);
            if (m.matches()) {
                from = Long.parseLong(m.group(1));
                to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                partial = true;
            }
        }
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        if (partial) {
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
        exchange.sendResponseHeaders(partial ? 206 : 200, to - from + 1);
        AtomicLong counter = sent.computeIfAbsent(name, n -> new AtomicLong());
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r"); OutputStream out = exchange.getResponseBody()) {
            in.seek(from);
            byte[] buffer = new byte[64 * 1024];
            long left = to - from + 1;
            long start = System.nanoTime();
            long written = 0;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                out.write(buffer, 0, n);
                counter.addAndGet(n);
                left -= n;
                written += n;
                throttle(start, written);
            }
        } catch (IOException clientWentAway) {
            // A killed client: what was sent so far is counted.
        }
    }

    private void throttle(long startNanos, long written) {
        if (bytesPerSecond <= 0) {
            return;
        }
        long due = startNanos + written * 1_000_000_000L / bytesPerSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
