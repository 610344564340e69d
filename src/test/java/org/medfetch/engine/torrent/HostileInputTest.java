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
        "magnet:?xt=urn:btih:" + HASH + "; the magnet link names no tracker (tr=) and no peer (x.pe=), and medfetch "
                + "does not use the public DHT: add --tracker URL or --peer HOST:PORT",
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
