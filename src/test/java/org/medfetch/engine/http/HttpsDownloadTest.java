package org.medfetch.engine.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medfetch.engine.CompletedFile;

/**
 * Large files over HTTPS: the bytes stored are the decrypted body. A TLS socket is layered on a socket
 * that has a channel, and answers getChannel() with it; the channel carries the encrypted records, which
 * must never be read as the body.
 */
class HttpsDownloadTest {

    private static final int SIZE = 2 << 20;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aLargeFileOverHttpsIsStoredAsTheServerSentIt(int connections) throws Exception {
        byte[] content = Fixture.random(SIZE, 31);
        try (Fixture fixture = new Fixture(dir, new FileServer(content), new TestTls())) {
            // Segments small enough that every answer is large enough to be read past okhttp, were it plain HTTP.
            fixture.options = fixture.options.withConnections(connections).withSegments(64 * 1024, 256 * 1024);
            fixture.file(fixture.url(FileServer.PATH), "data.bin");

            CompletedFile done = fixture.fetch();

            assertEquals(Fixture.sha256(content), done.sha256());
            assertArrayEquals(content, Files.readAllBytes(done.path()));
        }
    }

    @Test
    void onlyTheChannelsOwnSocketIsReadThroughTheChannel() throws Exception {
        TestTls tls = new TestTls();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                     server.getLocalPort()))) {
            Socket plain = channel.socket();
            Socket layered = tls.client.getSocketFactory().createSocket(plain, "localhost", server.getLocalPort(), false);

            assertTrue(DirectBody.carriesTheBody(plain));
            assertSame(channel, layered.getChannel(), "the JDK's TLS socket hands out the channel under it");
            assertFalse(DirectBody.carriesTheBody(layered));
            assertFalse(DirectBody.carriesTheBody(new Socket()), "a socket without a channel");
        }
    }
}
