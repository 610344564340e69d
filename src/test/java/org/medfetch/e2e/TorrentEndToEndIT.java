package org.medfetch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.it.MedfetchProcess;
import org.medfetch.it.Payloads;

/**
 * medfetch against real BitTorrent peers from Debian packages: aria2c seeds through a local opentracker,
 * medfetch gets a .torrent that nginx serves and a magnet whose only source is the tracker.
 */
class TorrentEndToEndIT {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void getsATorrentServedByNginxAndAMagnetFromAria2cThroughOpentracker() throws Exception {
        Path payload = tmp.resolve("seed/ct-scans");
        String shaA = Payloads.sha256(Payloads.random(payload.resolve("a.nii.gz"), 3 * MIB, 1));
        String shaB = Payloads.sha256(Payloads.random(payload.resolve("labels/b.nii.gz"), 2 * MIB + 17, 2));
        Path www = Files.createDirectories(tmp.resolve("www"));
        Path logs = tmp.resolve("logs");
        Files.createDirectories(logs);
        // opentracker needs the info-hash on its whitelist before anyone announces: make the torrent first
        int trackerPort = LocalPorts.free();
        String announce = "http://127.0.0.1:" + trackerPort + "/announce";
        Path torrent = MkTorrent.make(payload, www.resolve("ct-scans.torrent"), logs.resolve("mktorrent.txt"), "-a",
                announce);
        String infoHash = MkTorrent.infoHash(torrent);
        try (OpenTracker tracker = new OpenTracker(tmp.resolve("tracker"), List.of(infoHash), trackerPort);
             Aria2Seeder seeder = new Aria2Seeder(torrent, payload.getParent(), logs.resolve("aria2c.txt"));
             Nginx nginx = new Nginx(www, tmp.resolve("nginx"), "4m")) {
            Path ws = tmp.resolve("ws");
            MedfetchProcess.Result get = MedfetchProcess.run(logs, Map.of(), "--workspace", ws.toString(), "get",
                    nginx.url("ct-scans.torrent"), "--no-progress");
            assertEquals(0, get.exitCode(), "from aria2c at " + seeder.peer() + ": " + get.out() + get.err());
            assertTrue(get.out().contains(shaA + "  downloads/ct-scans/ct-scans/a.nii.gz"), get.out());
            assertTrue(get.out().contains(shaB + "  downloads/ct-scans/ct-scans/labels/b.nii.gz"), get.out());
            assertEquals(0, MedfetchProcess.run(logs, Map.of(), "--workspace", ws.toString(), "verify").exitCode());

            // a tracker URL with '=' in its query: bt 1.10's own magnet parser would cut it there
            String tr = URLEncoder.encode(tracker.announce() + "?passkey=a=b", StandardCharsets.UTF_8);
            Path ws2 = tmp.resolve("ws2");
            MedfetchProcess.Result magnet = MedfetchProcess.run(logs, Map.of(), "--workspace", ws2.toString(), "get",
                    "magnet:?xt=urn:btih:" + infoHash + "&dn=ct-scans&tr=" + tr, "--no-progress");
            assertEquals(0, magnet.exitCode(), magnet.out() + magnet.err());
            assertEquals(shaA, Payloads.sha256(ws2.resolve("downloads/ct-scans/ct-scans/a.nii.gz")));
            assertEquals(shaB, Payloads.sha256(ws2.resolve("downloads/ct-scans/ct-scans/labels/b.nii.gz")));
            assertTrue(Files.isRegularFile(ws2.resolve("downloads/.medfetch/torrents/" + infoHash + ".torrent")),
                    "the metadata peers sent is kept for later attempts");
        }
    }

    @Test
    void anUnreachableTrackerEndsAsARetryableFailureNotAHang() throws Exception {
        int closed = LocalPorts.free();
        String tr = URLEncoder.encode("http://127.0.0.1:" + closed + "/announce", StandardCharsets.UTF_8);
        Path ws = tmp.resolve("ws");
        MedfetchProcess.Result get = MedfetchProcess.run(tmp.resolve("logs"), Map.of("MEDFETCH_BT_STALL_SECONDS", "3"),
                "--workspace", ws.toString(), "get", "magnet:?xt=urn:btih:" + "ab".repeat(20) + "&tr=" + tr,
                "--no-progress", "--retries", "0");
        assertEquals(3, get.exitCode(), get.out() + get.err());
        assertTrue(get.err().contains("no peer sent the metadata"), get.err());
    }
}
