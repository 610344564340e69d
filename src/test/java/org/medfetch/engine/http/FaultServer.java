package org.medfetch.engine.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 that writes exactly the bytes a test scripts, for faults that a
 * well-behaved server library will not produce: a body always cut short (with or without chunked
 * encoding), headers and a few bytes and then silence, a negative Content-Length. Every request gets
 * {@link Answer#write}; after {@code budget} requests it answers 404, so that a client that would retry
 * forever ends (in a fatal state a test can see) instead of hanging the build.
 */
final class FaultServer implements AutoCloseable {

    /** Writes one answer; the connection is closed after it returns. */
    interface Answer {
        void write(String requestHead, Wire wire) throws IOException;
    }

    /** One connection's output, counting the body bytes written. */
    final class Wire {
        private final OutputStream out;

        private Wire(OutputStream out) {
            this.out = out;
        }

        /** Status line and headers (each ending in CRLF); the empty line that ends them is added. */
        void head(String statusAndHeaders) throws IOException {
            text(statusAndHeaders + "\r\n");
        }

        /** Protocol text as is (chunk sizes, line ends). */
        void text(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.US_ASCII));
        }

        void body(byte[] data, int from, int length) throws IOException {
            out.write(data, from, length);
            out.flush();
            served.addAndGet(length);
        }

        /** Blocks until the server is closed: the answer stalls. */
        void stall() {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final ServerSocket socket;
    private final Answer answer;
    private final int budget;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    /** Body bytes written, over all answers. */
    final AtomicLong served = new AtomicLong();

    FaultServer(int budget, Answer answer) throws IOException {
        this.answer = answer;
        this.budget = budget;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /** True once the budget ran out: the client kept asking after every answer was a failure. */
    boolean exhausted() {
        return requests.get() > budget;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "fault-server-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            String head = readHead(in);
            if (head.isBlank()) {
                return; // a connection opened and closed without a request
            }
            if (requests.incrementAndGet() > budget) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            } else {
                answer.write(head, new Wire(out));
            }
            out.flush();
        } catch (IOException clientWentAway) {
            // The client gave up on the answer: nothing to do.
        } finally {
            open.remove(s);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
