package org.medfetch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Torrents as they are published (Academic Torrents and the like), against real programs on 127.0.0.1:
 * a UDP tracker (opentracker), web seeds on nginx (mktorrent -w), a web seed serving wrong bytes, and an
 * aria2c seeder and a web seed together.
 */
class TorrentWildIT {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void aTorrentAndAMagnetAnnouncingOnlyAUdpTrackerDownload() throws Exception {
        Path payload = tmp.resolve("seed/ct-scans");
        String shaA = Payloads.sha256(Payloads.random(payload.resolve("a.nii.gz"), 3 * MIB, 1));
        String shaB = Payloads.sha256(Payloads.random(payload.resolve("labels/b.nii.gz"), 2 * MIB + 17, 2));
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        int port = LocalPorts.free();
        String udp = "udp://127.0.0.1:" + port + "/announce";
        Path torrent = MkTorrent.make(payload, tmp.resolve("ct-scans.torrent"), logs.resolve("mktorrent.txt"), "-a", udp);
        String infoHash = MkTorrent.infoHash(torrent);
        try (OpenTracker tracker = new OpenTracker(tmp.resolve("tracker"), List.of(infoHash), port);
             Aria2Seeder seeder = new Aria2Seeder(torrent, payload.getParent(), logs.resolve("aria2c.txt"),
                     List.of("--bt-exclude-tracker=*", "--bt-tracker=" + tracker.announce()))) {
            Path ws = tmp.resolve("ws");
            MedfetchProcess.Result get = medfetch(logs, ws, "get", torrent.toString(), "--no-progress");
            assertEquals(0, get.exitCode(), "via " + udp + " to aria2c at " + seeder.peer() + ": " + get.out() + get.err());
            assertTrue(get.out().contains(shaA + "  downloads/ct-scans/ct-scans/a.nii.gz"), get.out());
            assertTrue(get.out().contains(shaB + "  downloads/ct-scans/ct-scans/labels/b.nii.gz"), get.out());

            Path ws2 = tmp.resolve("ws2");
            MedfetchProcess.Result magnet = medfetch(logs, ws2, "get", "magnet:?xt=urn:btih:" + infoHash
                    + "&dn=ct-scans&tr=" + URLEncoder.encode(tracker.udpAnnounce(), StandardCharsets.UTF_8), "--no-progress");
            assertEquals(0, magnet.exitCode(), magnet.out() + magnet.err());
            assertEquals(shaA, Payloads.sha256(ws2.resolve("downloads/ct-scans/ct-scans/a.nii.gz")));
            assertEquals(shaB, Payloads.sha256(ws2.resolve("downloads/ct-scans/ct-scans/labels/b.nii.gz")));
        }
    }

    @Test
    void singleAndMultiFileTorrentsComeFromTheirWebSeedOnNginxAlone() throws Exception {
        Path www = Files.createDirectories(tmp.resolve("www"));
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        String shaOne = Payloads.sha256(Payloads.random(www.resolve("volume.nii.gz"), 3 * MIB + 5, 3));
        String shaA = Payloads.sha256(Payloads.random(www.resolve("ct-scans/a.nii.gz"), 2 * MIB, 4));
        String shaB = Payloads.sha256(Payloads.random(www.resolve("ct-scans/labels/b.nii.gz"), MIB + 3, 5));
        try (Nginx nginx = new Nginx(www, tmp.resolve("nginx"), "4m")) {
            // no tracker, no peer: the web seed is the only source
            Path single = MkTorrent.make(www.resolve("volume.nii.gz"), tmp.resolve("volume.torrent"),
                    logs.resolve("mk1.txt"), "-w", nginx.url("volume.nii.gz"));
            Path multi = MkTorrent.make(www.resolve("ct-scans"), tmp.resolve("ct-scans.torrent"), logs.resolve("mk2.txt"),
                    "-w", nginx.url(""));
            Path ws = tmp.resolve("ws");
            MedfetchProcess.Result get = medfetch(logs, ws, "get", single.toString(), multi.toString(), "--no-progress");

            assertEquals(0, get.exitCode(), get.out() + get.err());
            assertTrue(get.out().contains(shaOne + "  downloads/volume/volume.nii.gz"), get.out());
            assertTrue(get.out().contains(shaA + "  downloads/ct-scans/ct-scans/a.nii.gz"), get.out());
            assertTrue(get.out().contains(shaB + "  downloads/ct-scans/ct-scans/labels/b.nii.gz"), get.out());
            assertEquals(0, medfetch(logs, ws, "verify").exitCode());
            String status = medfetch(logs, ws, "status").out();
            assertTrue(status.contains("ct-scans: 0 peers, 1 of 1 web seed in use; 0 B from peers, 3.0 MiB from "
                    + nginx.url("")), status);
            medfetch(logs, ws, "manifest");
            String manifest = Files.readString(ws.resolve("manifests/default.json"));
            assertTrue(manifest.contains("\"web_seeds\": [\n            \"" + nginx.url("volume.nii.gz") + "\""), manifest);
        }
    }

    @Test
    void aWebSeedServingWrongBytesForOneFileNeverCompletesIt() throws Exception {
        Path payload = tmp.resolve("seed/ct-scans");
        String shaA = Payloads.sha256(Payloads.random(payload.resolve("a.nii.gz"), 2 * MIB, 6));
        Payloads.random(payload.resolve("b.nii.gz"), 2 * MIB, 7);
        Path www = Files.createDirectories(tmp.resolve("www/ct-scans"));
        Files.copy(payload.resolve("a.nii.gz"), www.resolve("a.nii.gz"));
        Payloads.random(www.resolve("b.nii.gz"), 2 * MIB, 8); // same size, other bytes
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        try (Nginx nginx = new Nginx(tmp.resolve("www"), tmp.resolve("nginx"), "4m")) {
            Path torrent = MkTorrent.make(payload, tmp.resolve("ct-scans.torrent"), logs.resolve("mk.txt"), "-w",
                    nginx.url(""));
            Path ws = tmp.resolve("ws");
            MedfetchProcess.Result get = medfetch(logs, ws, "get", torrent.toString(), "--no-progress");

            assertEquals(3, get.exitCode(), get.out() + get.err());
            assertTrue(get.err().contains("web seed " + nginx.url("") + " sent 3 pieces that fail their SHA-1 check "
                    + "(the last: piece "), get.err());
            assertTrue(get.err().contains(", in b.nii.gz); it is no longer used"), get.err());
            assertEquals(shaA, Payloads.sha256(ws.resolve("downloads/ct-scans/ct-scans/a.nii.gz")),
                    "a.nii.gz's pieces passed their check");
            String json = medfetch(logs, ws, "status", "--json").out();
            assertTrue(json.contains("\"path\":\"downloads/ct-scans/ct-scans/b.nii.gz\",\"kind\":\"torrent-file\","
                    + "\"state\":\"queued\""), json);
            assertFalse(Files.exists(ws.resolve("downloads/ct-scans/ct-scans/b.nii.gz"))
                    && Payloads.sha256(ws.resolve("downloads/ct-scans/ct-scans/b.nii.gz"))
                    .equals(Payloads.sha256(www.resolve("b.nii.gz"))), "the seed's wrong b.nii.gz is not on disk");
        }
    }

    @Test
    void anAria2cSeederAndAWebSeedFillOneDownload() throws Exception {
        Path payload = tmp.resolve("seed/ct-scans");
        String shaA = Payloads.sha256(Payloads.random(payload.resolve("a.nii.gz"), 6 * MIB, 9));
        String shaB = Payloads.sha256(Payloads.random(payload.resolve("b.nii.gz"), 5 * MIB + 1, 10));
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        int port = LocalPorts.free();
        try (Nginx nginx = new Nginx(tmp.resolve("seed"), tmp.resolve("nginx"), "4m")) {
            Path torrent = MkTorrent.make(payload, tmp.resolve("ct-scans.torrent"), logs.resolve("mk.txt"),
                    "-a", "http://127.0.0.1:" + port + "/announce", "-w", nginx.url(""));
            try (OpenTracker tracker = new OpenTracker(tmp.resolve("tracker"), List.of(MkTorrent.infoHash(torrent)), port);
                 Aria2Seeder seeder = new Aria2Seeder(torrent, payload.getParent(), logs.resolve("aria2c.txt"))) {
                Path ws = tmp.resolve("ws");
                MedfetchProcess.Result get = medfetch(logs, ws, "get", torrent.toString(), "--no-progress");

                assertEquals(0, get.exitCode(), "from " + seeder.peer() + " and " + nginx.url("") + ": " + get.out()
                        + get.err());
                assertTrue(get.out().contains(shaA + "  downloads/ct-scans/ct-scans/a.nii.gz"), get.out());
                assertTrue(get.out().contains(shaB + "  downloads/ct-scans/ct-scans/b.nii.gz"), get.out());
                String status = medfetch(logs, ws, "status").out();
                assertTrue(status.contains("1 of 1 web seed in use"), status);
            }
        }
    }

    private static MedfetchProcess.Result medfetch(Path logs, Path ws, String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--workspace";
        all[1] = ws.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return MedfetchProcess.run(logs, Map.of("MEDFETCH_BT_BIND", "127.0.0.1"), all);
    }
}
