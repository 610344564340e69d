package org.medfetch.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Ports on 127.0.0.1 for the real servers the end-to-end tests start. */
public final class LocalPorts {

    private LocalPorts() {
    }

    public static int free() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits until a child listens on 127.0.0.1:port; fails with its log if it exits first. */
    public static void awaitListening(Process process, int port, Path log) throws IOException, InterruptedException {
        for (int i = 0; i < 300; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException(process.info().command().orElse("child") + " exited: " + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
        throw new IOException("nothing listens on port " + port + ": " + Files.readString(log));
    }
}
