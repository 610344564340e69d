package org.medfetch.engine.torrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.bencoding.model.BEObject;
import bt.bencoding.types.BEInteger;
import bt.bencoding.types.BEList;
import bt.bencoding.types.BEMap;
import bt.bencoding.types.BEString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medfetch.engine.TransferException;
import org.medfetch.resolve.TorrentOptions;

/** Bad magnets, files that are not torrents and torrents naming hostile paths: clear errors, nothing written. */
class HostileInputTest {

    private static final String HASH = "47e9d8aab761e75fd0a81982fa62bddf3a173831";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "magnet:?xt=urn:btih:1234; bad magnet link: info-hash '1234' is neither 40 hex digits nor 32 base32 characters",
        "magnet:?dn=only-a-name; bad magnet link: the magnet link has no xt=urn:btih:<info-hash>",
        "magnet:?xt=urn:btih:" + HASH + "&broken; bad magnet link: magnet parameter 'broken' has no value",
        "magnet:?xt=urn:btih:" + HASH + "&x.pe=nohostport; bad magnet link: magnet peer 'nohostport' is not HOST:PORT",
        "magnet:?xt=urn:btih:" + HASH + "&ws=ftp%3A%2F%2Fmirror.example%2Fct; bad magnet link: web seed "
                + "'ftp://mirror.example/ct' is not an http(s) URL",
        "magnet:?xt=urn:btih:" + HASH + "; the magnet link names no tracker (tr=) and no peer (x.pe=) to get its "
                + "metadata from (web seeds do not serve it, and medfetch does not use the DHT): add --tracker URL or "
                + "--peer HOST:PORT, or add the .torrent file",
        "magnet:?xt=urn:btih:" + HASH + "&ws=http%3A%2F%2F127.0.0.1%3A1%2Fct; the magnet link names no tracker (tr=) "
                + "and no peer (x.pe=) to get its metadata from (web seeds do not serve it, and medfetch does not use "
                + "the DHT): add --tracker URL or --peer HOST:PORT, or add the .torrent file",
    })
    void badMagnetsAreRefusedWithTheReason(String magnet, String message) {
        TransferException e = refused(magnet, TorrentOptions.DEFAULTS);
        assertEquals(message, e.getMessage());
    }

    @Test
    void aFileThatIsNotATorrentIsRefused() throws IOException {
        Path page = Files.writeString(dir.resolve("page.torrent"), "<html><body>Please log in</body></html>");
        assertTrue(refused(page.toString(), TorrentOptions.DEFAULTS).getMessage()
                .startsWith(page + " is not a valid .torrent file ("));
        assertEquals("no .torrent file at " + dir.resolve("missing.torrent"),
                refused(dir.resolve("missing.torrent").toString(), TorrentOptions.DEFAULTS).getMessage());
    }

    @Test
    void aBadPeerOptionIsRefused() throws IOException {
        TransferException e = refused(torrent(List.of(List.of("a.bin")), "set").toString(),
                TorrentTransferTest.options(null, "127.0.0.1"));
        assertEquals("peer '127.0.0.1' is not HOST:PORT (a port from 1 to 65535; IPv6 as [addr]:PORT)", e.getMessage());
    }

    @Test
    void aSelectionThatMatchesNothingIsRefused() throws IOException {
        TransferException e = refused(torrent(List.of(List.of("a.bin"), List.of("b.bin")), "set").toString(),
                TorrentTransferTest.options("*.nii.gz", "127.0.0.1:1"));
        assertEquals("no file of the torrent matches --files '*.nii.gz'", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "set; ..|evil.txt; refusing file name '..': it climbs out with '..'",
        "set; a|..|..|..|evil.txt; refusing file name '..': it climbs out with '..'",
        "set; sub/../../evil.txt; refusing file name 'sub/../../evil.txt': it contains a path separator",
        "set; C:|evil.txt; refusing file name 'C:/evil.txt': it is absolute",
        "set; ok|bell\u0007.txt; refusing file name 'bell\u0007.txt': it contains control characters",
        "..; a.txt|b.txt; refusing file name '..': it climbs out with '..'",
        "set; a.txt|a.txt; the torrent lists 'set/a.txt' twice",
    })
    void hostilePathsAreRefusedBeforeAnythingIsWritten(String name, String paths, String message) throws IOException {
        List<List<String>> files = new ArrayList<>();
        if (name.equals("..")) {
            for (String p : paths.split("\\|")) {
                files.add(List.of(p));
            }
        } else if (paths.equals("a.txt|a.txt")) {
            files.add(List.of("a.txt"));
            files.add(List.of("a.txt"));
        } else {
            files.add(List.of(paths.split("\\|")));
            files.add(List.of("fine.txt"));
        }
        Path torrent = torrent(files, name);

        TransferException e = refused(torrent.toString(), TorrentTransferTest.options(null, "127.0.0.1:1"));

        assertEquals(message, e.getMessage());
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> written = all.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(dir.resolve("ws/downloads/.medfetch")) && !p.equals(torrent)).toList();
            assertEquals(List.of(), written, "nothing but the state was written");
        }
        assertFalse(Files.exists(dir.resolve("ws/downloads/ds")));
    }

    @Test
    void aDeeplyNestedTorrentIsRefusedNotAStackOverflow() throws IOException {
        // 100,000 nested lists in 200 KB: bt's recursive parser overflowed the stack on it
        String nested = "d8:announce20:http://127.0.0.1:1/a4:info" + "l".repeat(100_000) + "e".repeat(100_000) + "e";
        Path deep = Files.writeString(dir.resolve("deep.torrent"), nested);
        assertEquals(deep + " is not a valid .torrent file (it nests values more than 64 levels deep)",
                refused(deep.toString(), TorrentTransferTest.options(null, "127.0.0.1:1")).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // 2^62 bytes and one piece hash: bt stopped at once, and every retry again
        "d4:infod6:lengthi4611686018427387904e4:name4:huge12:piece lengthi16384e6:pieces20:PPPPPPPPPPPPPPPPPPPPee;"
                + " it claims 4611686018427387904 bytes in pieces of 16384, which is 281474976710656 pieces, but it has"
                + " 1 piece hashes",
        "d4:infod6:lengthi40000e4:name4:huge12:piece lengthi16384e6:pieces20:PPPPPPPPPPPPPPPPPPPPee;"
                + " it claims 40000 bytes in pieces of 16384, which is 3 pieces, but it has 1 piece hashes",
        "d4:infod4:name99999999999:xee; the string at byte 14 claims 99999999999 bytes, more than the file holds",
        "d4:infod6:lengthi0012e4:name1:xee; the integer at byte 16 is malformed or too large",
        "d4:infod6:lengthi99999999999999999999e4:name1:xee; the integer at byte 16 is malformed or too large",
        "d4:infod6:length; it ends in the middle of a value",
        "<html>; byte 0 starts no bencoded value",
        "d8:announce26:http://127.0.0.1:1/announce4:infod6:lengthi5e4:name1:x12:piece lengthi16384e6:pieces20:"
                + "PPPPPPPPPPPPPPPPPPPPee; properties are required: [info]",
    })
    void aTorrentWhoseSizesDoNotAddUpIsRefused(String bencode, String reason) throws IOException {
        Path file = Files.writeString(dir.resolve("sizes.torrent"), bencode, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(file + " is not a valid .torrent file (" + reason.strip() + ")",
                refused(file.toString(), TorrentTransferTest.options(null, "127.0.0.1:1")).getMessage());
    }

    @Test
    void aFileThatIsAlsoAFolderIsRefused() throws IOException {
        // bt cannot write both set/a and set/a/b, and retried the one it could not for ever
        Path clash = torrent(List.of(List.of("a"), List.of("a", "b")), "set");
        assertEquals("the torrent lists 'set/a' both as a file and as a folder",
                refused(clash.toString(), TorrentTransferTest.options(null, "127.0.0.1:1")).getMessage());
        Path reversed = torrent(List.of(List.of("x", "a", "b"), List.of("x", "a")), "set");
        assertEquals("the torrent lists 'set/x/a' both as a file and as a folder",
                refused(reversed.toString(), TorrentTransferTest.options(null, "127.0.0.1:1")).getMessage());
    }

    @Test
    void namesLongerThanAFileSystemTakesAreRefused() throws IOException {
        Path longName = torrent(List.of(List.of("n".repeat(256)), List.of("ok")), "set");
        assertEquals("refusing file name '" + "n".repeat(60) + "...': it is longer than 255 bytes",
                refused(longName.toString(), TorrentTransferTest.options(null, "127.0.0.1:1")).getMessage());
        List<String> deepPath = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            deepPath.add("d".repeat(150));
        }
        Path longPath = torrent(List.of(deepPath, List.of("ok")), "set");
        assertTrue(refused(longPath.toString(), TorrentTransferTest.options(null, "127.0.0.1:1")).getMessage()
                .endsWith("...': the path is longer than 4095 bytes"));
    }

    @Test
    void aTrackerThatIsNotAUrlIsRefused() throws IOException {
        TransferException magnet = refused("magnet:?xt=urn:btih:" + HASH + "&tr=garbage&x.pe=127.0.0.1:1",
                TorrentOptions.DEFAULTS);
        assertEquals("bad magnet link: tracker 'garbage' is not a URL like http://tracker.example/announce",
                magnet.getMessage());
        // a job queued with such a --tracker before trackers were checked at add
        TorrentOptions badTracker = new TorrentOptions(null, List.of("garbage"), List.of("127.0.0.1:1"), null, false,
                null, null);
        assertEquals("tracker 'garbage' is not a URL like http://tracker.example/announce",
                refused(torrent(List.of(List.of("a.bin")), "set").toString(), badTracker).getMessage());
    }

    private int attempts;

    /** Runs one attempt in a fresh workspace (ws, ws1, ...) and expects a BAD_INPUT refusal. */
    private TransferException refused(String uri, TorrentOptions options) {
        String workspace = attempts++ == 0 ? "ws" : "ws" + attempts;
        try (TorrentJob job = new TorrentJob(dir.resolve(workspace), uri, "x", options)) {
            TransferException e = assertThrows(TransferException.class, () -> job.run(TorrentSettings.loopback()));
            assertEquals(TransferException.Kind.BAD_INPUT, e.kind(), e::getMessage);
            assertFalse(e.retryable());
            return e;
        }
    }

    /** A .torrent whose files have exactly these path elements (one 16 KiB piece each, hashes irrelevant). */
    private Path torrent(List<List<String>> paths, String name) throws IOException {
        List<BEMap> files = new ArrayList<>();
        for (List<String> path : paths) {
            files.add(map(Map.of("length", new BEInteger(16384),
                    "path", new BEList(path.stream().map(BEString::new).toList()))));
        }
        BEMap info = map(Map.of("name", new BEString(name), "piece length", new BEInteger(16384),
                "pieces", new BEString(new byte[20 * paths.size()]), "files", new BEList(files)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        map(Map.of("info", info, "announce", new BEString("http://127.0.0.1:1/announce"))).writeTo(out);
        Path file = dir.resolve("hostile-" + Math.abs((name + paths).hashCode()) + ".torrent");
        return Files.write(file, out.toByteArray());
    }

    private static BEMap map(Map<String, ? extends BEObject<?>> entries) {
        return new BEMap(new TreeMap<>(entries));
    }
}
