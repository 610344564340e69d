package org.medfetch.engine.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import javax.net.SocketFactory;

/**
 * Sockets that have a channel: okhttp sends requests and reads headers through the socket's streams as
 * usual, and a large body can then be read straight from the channel into the download's own buffers
 * ({@link DirectBody}), where okio would copy it through 8 KiB segments (measured: 2.9 s of CPU per GiB
 * through okhttp, 1.0 s from the channel, curl 1.35 s). TLS, when used, is layered on top as on any socket.
 */
final class ChannelSockets extends SocketFactory {

    @Override
    public Socket createSocket() throws IOException {
        return SocketChannel.open().socket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(createSocket(), null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(createSocket(), new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(createSocket(), null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(createSocket(), new InetSocketAddress(localAddress, localPort),
                new InetSocketAddress(address, port));
    }

    private static Socket connected(Socket s, SocketAddress local, SocketAddress to) throws IOException {
        try {
            if (local != null) {
                s.bind(local);
            }
            s.connect(to);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
