package org.medfetch.engine.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets whose input is read in large blocks. Okio reads a socket 8 KiB at a time (its segment
 * size), which on a fast link costs a system call per 8 KiB (131,072 per GiB, where curl makes about
 * 10,000); reading through a large buffer lets one call take whatever has arrived, at the price of one
 * copy that stays in the CPU cache. TLS, when used, is layered on top and benefits the same way.
 */
final class BufferedSockets extends SocketFactory {

    /** Large enough to take a loopback or fast-LAN burst in one call. */
    static final int BUFFER = 256 * 1024;

    @Override
    public Socket createSocket() {
        return new BufferedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new BufferedSocket(), new java.net.InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = new BufferedSocket();
        s.bind(new java.net.InetSocketAddress(localHost, localPort));
        return connected(s, new java.net.InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new BufferedSocket(), new java.net.InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket s = new BufferedSocket();
        s.bind(new java.net.InetSocketAddress(localAddress, localPort));
        return connected(s, new java.net.InetSocketAddress(address, port));
    }

    private static Socket connected(Socket s, java.net.SocketAddress to) throws IOException {
        s.connect(to);
        return s;
    }

    private static final class BufferedSocket extends Socket {
        private InputStream input;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new BufferedInputStream(super.getInputStream(), BUFFER);
            }
            return input;
        }
    }
}
