package org.medfetch.engine.torrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.data.StorageUnit;
import bt.data.file.FileSystemStorage;
import bt.metainfo.MetadataService;
import bt.metainfo.Torrent;
import bt.metainfo.TorrentFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of web seeding: where pieces lie in files, seed URLs, url-lists, and bt's writes kept off taken pieces. */
class WebSeedPartsTest {

    @TempDir
    Path dir;

    @Test
    void piecesAreSpreadOverTheFilesTheyCross() throws Exception {
        Map<String, Integer> layout = new LinkedHashMap<>();
        layout.put("a", 40_000);
        layout.put("empty", 0);
        layout.put("b", 30_000);
        layout.put("c", 100);
        try (LoopbackSwarm swarm = new LoopbackSwarm(dir, "set", layout, null)) {
            Torrent torrent = torrent(swarm);
            PieceSpans spans = new PieceSpans(torrent);
            assertEquals(3, spans.pieces());
            assertEquals(List.of("a:0+32768"), describe(spans.of(0)));
            assertEquals(List.of("a:32768+7232", "b:0+25536"), describe(spans.of(1)), "the empty file is left out");
            assertEquals(List.of("b:25536+4464", "c:0+100"), describe(spans.of(2)));
            assertEquals(4564, spans.length(2));
        }
    }

    @Test
    void seedUrlsFollowBep19() throws Exception {
        Map<String, Integer> layout = new LinkedHashMap<>();
        layout.put("sub dir/ä #1.nii", 10);
        layout.put("b", 10);
        try (LoopbackSwarm swarm = new LoopbackSwarm(dir.resolve("multi"), "CT set", layout, null)) {
            Torrent torrent = torrent(swarm);
            TorrentFile first = torrent.getFiles().get(0);
            assertEquals("http://m.example/data/CT%20set/sub%20dir/%C3%A4%20%231.nii",
                    new WebSeed("http://m.example/data", torrent).url(first));
            assertEquals("http://m.example/data/CT%20set/sub%20dir/%C3%A4%20%231.nii",
                    new WebSeed("http://m.example/data/", torrent).url(first));
        }
        Map<String, Integer> one = Map.of("scan 1.nii", 10);
        try (LoopbackSwarm swarm = new LoopbackSwarm(dir.resolve("single"), "scan 1.nii", one, null)) {
            Torrent torrent = torrent(swarm);
            TorrentFile file = torrent.getFiles().get(0);
            assertEquals("http://m.example/x.nii", new WebSeed("http://m.example/x.nii", torrent).url(file),
                    "a single-file torrent's seed is the file");
            assertEquals("http://m.example/d/scan%201.nii", new WebSeed("http://m.example/d/", torrent).url(file),
                    "a folder URL gets the name");
        }
    }

    @Test
    void urlListIsOneUrlOrAListOfThemAndOnlyHttpIsKept() {
        assertEquals(List.of("http://a.example/x"), UrlList.of(bencode("8:url-list18:http://a.example/x")));
        assertEquals(List.of("https://b.example/", "http://c.example/"), UrlList.of(bencode(
                "8:url-listl18:https://b.example/15:ftp://d.example17:http://c.example/18:https://b.example/e")));
        assertEquals(List.of(), UrlList.of(bencode("7:comment2:no")));
    }

    @Test
    void btsWritesIntoAPieceAWebSeedTookAreDropped() throws Exception {
        Map<String, Integer> layout = new LinkedHashMap<>();
        layout.put("a", 40_000);
        layout.put("b", 30_000);
        try (LoopbackSwarm swarm = new LoopbackSwarm(dir.resolve("swarm"), "set", layout, null)) {
            Torrent torrent = torrent(swarm);
            PieceClaims claims = new PieceClaims();
            GuardedStorage storage = new GuardedStorage(new FileSystemStorage(dir.resolve("out")), torrent, claims);
            TorrentFile b = torrent.getFiles().get(1);
            StorageUnit unit = storage.getUnit(torrent, b);
            assertTrue(claims.take(1));
            // b's bytes 0..25535 are in piece 1 (taken), its bytes from 25536 in piece 2 (free)
            ByteBuffer fromPeer = ByteBuffer.wrap("peer".getBytes(StandardCharsets.US_ASCII));
            assertEquals(4, unit.writeBlock(fromPeer, 100));
            assertFalse(fromPeer.hasRemaining(), "bt is told the block was written");
            unit.writeBlockFully(ByteBuffer.wrap("peer".getBytes(StandardCharsets.US_ASCII)), 26_000);
            storage.write(torrent, b, ByteBuffer.wrap("seed".getBytes(StandardCharsets.US_ASCII)), 200);
            storage.flush();
            unit.close();
            byte[] onDisk = Files.readAllBytes(dir.resolve("out/set/b"));
            assertEquals(0, onDisk[100], "nothing of bt's in the taken piece");
            assertEquals("seed", new String(onDisk, 200, 4, StandardCharsets.US_ASCII));
            assertEquals("peer", new String(onDisk, 26_000, 4, StandardCharsets.US_ASCII));

            BitSet offered = new BitSet();
            offered.set(0, 3);
            assertEquals(List.of(0, 2), claims.selector((relevant, stats) -> relevant.stream())
                    .getNextPieces(offered, null).boxed().toList(), "bt is not offered the taken piece");
            claims.release(1);
            assertEquals(List.of(0, 1, 2), claims.selector((relevant, stats) -> relevant.stream())
                    .getNextPieces(offered, null).boxed().toList());
        }
    }

    private static Torrent torrent(LoopbackSwarm swarm) throws Exception {
        return new MetadataService().fromByteArray(Files.readAllBytes(swarm.writeTorrent(swarm.payload("x").getParent()
                .resolveSibling("t.torrent"))));
    }

    private static byte[] bencode(String entries) {
        return ("d" + entries + "4:infod6:lengthi1e4:name1:x12:piece lengthi16384e6:pieces20:"
                + "P".repeat(20) + "ee").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> describe(List<PieceSpans.Span> spans) {
        return spans.stream().map(s -> String.join("/", s.file().getPathElements()) + ":" + s.offset() + "+" + s.length())
                .toList();
    }
}
