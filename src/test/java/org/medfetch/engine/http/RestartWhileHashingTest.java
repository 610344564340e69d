package org.medfetch.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;

/**
 * A restart from zero right after a resume began: the hasher is still re-reading the bytes on disk when the
 * answer that forces the restart arrives. Stopping it must not close the part file the restart truncates (a
 * thread interrupted inside a FileChannel operation closes the channel for every thread).
 */
class RestartWhileHashingTest {

    private static final int SIZE = 16 << 20;
    /** The race is narrow (an interrupt inside a read): several rounds make a regression show. */
    private static final int ROUNDS = 12;

    @TempDir
    Path dir;

    @Test
    void aRestartDuringTheResumesRehashKeepsThePartFileUsable() throws Exception {
        byte[] content = Fixture.random(SIZE, 21);
        FileServer files = new FileServer(content);
        for (int round = 0; round < ROUNDS; round++) {
            try (Fixture fixture = new Fixture(dir.resolve("r" + round), files)) {
                fixture.options = fixture.options.withSegments(64 * 1024, 4 << 20);
                fixture.file(fixture.url(FileServer.PATH), "data.bin");
                files.ranges = true;
                files.disconnects.set(1);
                files.disconnectAfter = SIZE - (1 << 20);
                assertEquals(Kind.NETWORK, assertThrows(TransferException.class, fixture::fetch).kind());
                // The server stops honouring ranges: the resume is answered with the whole file, and starts over
                // while the hasher re-reads the 15 MiB already on disk.
                files.ranges = false;

                assertEquals(Fixture.sha256(content), fixture.fetch().sha256(), "round " + round);
            }
        }
    }
}
