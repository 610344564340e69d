package org.medfetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The run the {@code medfetch} launcher records a class-data-sharing archive from (bin/medfetch,
 * docs/performance.md): real commands, side-effect free, so that one archive holds the classes every
 * command needs. It works in a temporary workspace and home, downloads one small file from a server
 * of its own on 127.0.0.1, prints nothing, and deletes what it made. It runs in a JVM of its own, never
 * inside a user's command: a failed archive dump makes that JVM exit 1 and print on stdout.
 */
public final class Training {

    private static final byte[] BODY = "medfetch class-data-sharing training\n".getBytes(StandardCharsets.US_ASCII);

    private Training() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("medfetch-training");
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> serve(server), "medfetch-training-server");
            serving.setDaemon(true);
            serving.start();
            String workspace = root.resolve("workspace").toString();
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/training.bin";
            Main main = new Main(Map.of(), Files.createDirectories(root.resolve("home")));
            PrintWriter none = new PrintWriter(Writer.nullWriter());
            for (String[] command : new String[][] {
                {"--help"},
                {"--workspace", workspace, "catalog"},
                {"--workspace", workspace, "catalog", "--json"},
                {"--workspace", workspace, "show", "msd-liver"},
                {"--workspace", workspace, "get", url, "--no-progress"},
                {"--workspace", workspace, "status"},
                {"--workspace", workspace, "status", "--json"},
                {"--workspace", workspace, "verify"},
            }) {
                main.run(command, none, none);
            }
        } finally {
            try (Stream<Path> made = Files.walk(root)) {
                made.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** Answers every request with the same small file, as a plain HTTP/1.1 server would. */
    private static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                int matched = 0;
                while (matched < 4) { // up to the blank line that ends the request's headers
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                }
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length + "\r\nETag: \"training\"\r\n"
                        + "Content-Type: application/octet-stream\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(BODY);
            } catch (IOException e) {
                // The training only loads classes: a failed exchange costs nothing but a class or two.
            }
        }
    }
}
