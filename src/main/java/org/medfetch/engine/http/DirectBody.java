package org.medfetch.engine.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLSocket;
import okio.BufferedSource;

/**
 * The rest of a large body read from the connection's channel straight into the download's buffers:
 * no copies through okio's 8 KiB segments, no timeout bookkeeping per segment. okhttp has read the
 * headers and may already hold the first bytes of the body; those are taken through okhttp first, with
 * the channel in non-blocking mode, so that okhttp's next read of the socket fails (with
 * IllegalBlockingModeException, as {@link Socket#getInputStream} documents) exactly where its buffers
 * are empty. The rest comes from the channel, waiting at most the socket's read timeout for data. The
 * connection cannot go back to okhttp afterwards: the answer is cancelled and its connection closed
 * ({@link Reply#close}), so this is only for a large body over plain HTTP/1.1: at least a minimum segment
 * (the size worth a connection of its own), where a new connection for the next request costs little, or
 * a body that ends where the server closes the connection (no Content-Length), which okhttp cannot reuse
 * either. A chunked body stays with okhttp, which alone knows where it is in the chunks.
 */
final class DirectBody implements AutoCloseable {

    /** How long one wait lasts before the channel is looked at again (a cancelled answer closes it). */
    private static final long SLICE_MILLIS = 200;

    private final BufferedSource okhttp;
    private final SocketChannel channel;
    private final long timeoutMillis;
    /** Bytes of the body still to come, or -1 when it ends where the connection closes. */
    private long remaining;
    private boolean drained;
    private Selector selector;

    private DirectBody(BufferedSource okhttp, SocketChannel channel, long timeoutMillis, long remaining) {
        this.okhttp = okhttp;
        this.channel = channel;
        this.timeoutMillis = timeoutMillis;
        this.remaining = remaining;
    }

    /**
     * The body of {@code reply} from here on, or null when okhttp's path suits it better: fewer than
     * {@code minBytes} left, a chunked body, TLS, or HTTP/2.
     *
     * @param consumed bytes of the body already read through okhttp
     */
    static DirectBody of(Reply reply, Socket socket, long consumed, long minBytes) throws IOException {
        long length = reply.contentLength();
        String protocol = reply.response().protocol().toString();
        if (!carriesTheBody(socket) || length >= 0 && length - consumed < minBytes
                || !protocol.startsWith("http/1") || reply.header("Transfer-Encoding") != null) {
            return null;
        }
        SocketChannel channel = socket.getChannel();
        channel.configureBlocking(false);
        int timeout = socket.getSoTimeout();
        return new DirectBody(reply.body(), channel, timeout, length < 0 ? -1 : length - consumed);
    }

    /**
     * Whether the bytes on the socket's channel are the answer's bytes: the socket is the channel's own.
     * A TLS socket layered on a channel's socket answers getChannel() with that channel (as the JDK's
     * does), whose bytes are the encrypted records: reading them would store ciphertext as the file.
     */
    static boolean carriesTheBody(Socket socket) {
        SocketChannel channel = socket == null ? null : socket.getChannel();
        return channel != null && channel.socket() == socket && !(socket instanceof SSLSocket);
    }

    /** Reads into {@code into} (up to the body's end); -1 once the whole body was read. */
    int read(ByteBuffer into) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int limit = into.limit();
        if (remaining > 0 && into.remaining() > remaining) {
            into.limit(into.position() + (int) remaining);
        }
        try {
            int n = drained ? fromChannel(into) : fromOkhttp(into);
            if (n < 0) {
                remaining = 0;
            } else if (remaining > 0) {
                remaining -= n;
            }
            return n;
        } finally {
            into.limit(limit);
        }
    }

    private int fromOkhttp(ByteBuffer into) throws IOException {
        try {
            int n = okhttp.read(into);
            if (n < 0 && remaining > 0) {
                throw new EOFException("the body ended " + remaining + " bytes early");
            }
            return n;
        } catch (IllegalBlockingModeException empty) {
            drained = true;
            return fromChannel(into);
        }
    }

    private int fromChannel(ByteBuffer into) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            int n = channel.read(into);
            if (n < 0 && remaining < 0) {
                return -1; // the end of a body without a length
            }
            if (n < 0) {
                throw new EOFException("the connection closed " + remaining + " bytes before the end of the body");
            }
            if (n > 0 || !into.hasRemaining()) {
                return n;
            }
            long left = timeoutMillis == 0 ? SLICE_MILLIS : (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("Read timed out");
            }
            if (selector == null) {
                selector = Selector.open();
                channel.register(selector, SelectionKey.OP_READ);
            }
            selector.select(Math.min(left, SLICE_MILLIS));
            selector.selectedKeys().clear();
            if (!channel.isOpen()) {
                throw new SocketException("Socket closed");
            }
        }
    }

    @Override
    public void close() {
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException ignored) {
                // Only the selector's own descriptors: the connection is closed by cancelling its call.
            }
        }
    }
}
