package org.medfetch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.it.MedfetchProcess;
import org.medfetch.it.Payloads;

/** medfetch against a real nginx: get, kill -9 and resume, verify, and the clear errors. */
class NginxEndToEndIT {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void getResumeAndVerifyAgainstNginx() throws Exception {
        Path www = tmp.resolve("www");
        String shaA = Payloads.sha256(Payloads.random(www.resolve("a.bin"), 20 * MIB, 1));
        String shaB = Payloads.sha256(Payloads.random(www.resolve("b.tar.gz"), 5 * MIB, 2));
        String shaBig = Payloads.sha256(Payloads.random(www.resolve("big.bin"), 40 * MIB, 3));
        Path ws = tmp.resolve("ws");
        Path logs = tmp.resolve("logs");
        try (Nginx nginx = new Nginx(www, tmp.resolve("nginx"), "4m")) {
            MedfetchProcess.Result get = MedfetchProcess.run(logs, Map.of(), "--workspace", ws.toString(), "get",
                    nginx.url("a.bin"), nginx.url("b.tar.gz"), "--no-progress");
            assertEquals(0, get.exitCode(), get.err());
            assertTrue(get.out().contains(shaA + "  downloads/a/a.bin"), get.out());
            assertTrue(get.out().contains(shaB + "  downloads/b/b.tar.gz"), get.out());

            Process child = MedfetchProcess.start(logs, Map.of(), "--workspace", ws.toString(), "get",
                    nginx.url("slow/big.bin"), "--no-progress", "--checkpoint-every", "1M");
            Path part = ws.resolve("downloads/big/big.bin.part");
            while (child.isAlive() && (!Files.exists(part) || Files.size(part) < 8 * MIB)) {
                Thread.sleep(50);
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            MedfetchProcess.Result run = MedfetchProcess.run(logs, Map.of(), "--workspace", ws.toString(), "run",
                    "--no-progress");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(shaBig, Payloads.sha256(ws.resolve("downloads/big/big.bin")));

            assertEquals(0, MedfetchProcess.run(logs, Map.of(), "--workspace", ws.toString(), "verify").exitCode());
            Files.write(ws.resolve("downloads/a/a.bin"), new byte[] {1, 2, 3});
            MedfetchProcess.Result tampered = MedfetchProcess.run(logs, Map.of(), "--workspace", ws.toString(), "verify");
            assertEquals(1, tampered.exitCode());
            assertTrue(tampered.out().contains("mismatch  downloads/a/a.bin"), tampered.out());
        }
    }

    @Test
    void htmlPagesMissingFilesAndWrongChecksumsAreClearErrors() throws Exception {
        Path www = tmp.resolve("www");
        Payloads.random(www.resolve("c.bin"), MIB, 4);
        Path ws = tmp.resolve("ws");
        Path logs = tmp.resolve("logs");
        try (Nginx nginx = new Nginx(www, tmp.resolve("nginx"), "4m")) {
            MedfetchProcess.Result html = MedfetchProcess.run(logs, Map.of(), "--workspace", ws.toString(), "get",
                    nginx.url("broken.zip"), "--no-progress");
            assertEquals(4, html.exitCode(), html.err());
            assertTrue(html.err().contains("the server sent a web page instead of broken.zip"), html.err());
            assertTrue(Files.notExists(ws.resolve("downloads/broken/broken.zip")));

            MedfetchProcess.Result missing = MedfetchProcess.run(logs, Map.of(), "--workspace", ws.toString(), "get",
                    nginx.url("nothing-here.zip"), "--no-progress");
            assertEquals(4, missing.exitCode());
            assertTrue(missing.err().contains("404"), missing.err());

            MedfetchProcess.Result wrong = MedfetchProcess.run(logs, Map.of(), "--workspace", ws.toString(), "get",
                    nginx.url("c.bin"), "--checksum", "sha256:" + "0".repeat(64), "--no-progress");
            assertEquals(4, wrong.exitCode());
            assertTrue(wrong.err().contains("sha256"), wrong.err());
            assertTrue(Files.notExists(ws.resolve("downloads/c/c.bin")), "a file that fails its checksum keeps its .part name");
        }
    }
}
