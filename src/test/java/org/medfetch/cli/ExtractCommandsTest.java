package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.Main;
import org.medfetch.extract.ArchiveFormat;
import org.medfetch.extract.Archives;
import org.medfetch.extract.Archives.Item;
import org.medfetch.it.RangeFileServer;
import org.medfetch.manifest.ManifestSchema;
import org.medfetch.store.FileState;
import org.medfetch.store.Store;

/** get/run/extract --extract through the real wiring and HTTP engine, with archives served on 127.0.0.1. */
class ExtractCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private RangeFileServer server;
    private Path ws;

    @BeforeEach
    void serveArchives() throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served"));
        Archives.zip(served.resolve("kvasir.zip"), List.of(Item.file("polyps/1.jpg", "jpeg"), Item.file("README", "hello")));
        Archives.tar(served.resolve("evil.tar.gz"), ArchiveFormat.TAR_GZ, List.of(Item.file("ok.txt", "ok"),
                Item.file("../../escaped.txt", "pwned")));
        Files.writeString(served.resolve("ct.nii.gz"), "not unpacked");
        server = new RangeFileServer(served, 0);
        ws = tmp.resolve("ws");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun medfetch(String... args) {
        return CliRun.in(ws, args);
    }

    @Test
    void getWithExtractUnpacksRecordsAndVerifiesTheTree() throws Exception {
        CliRun get = medfetch("get", server.url("kvasir.zip"), "--extract", "--hash-extracted", "-p", "thesis");
        assertEquals(0, get.exitCode(), get.err());
        assertEquals(1, get.lines().size(), "stdout stays in sha256sum format: " + get.out());
        assertTrue(get.err().contains("extracted  downloads/kvasir/kvasir.zip -> downloads/kvasir/kvasir (2 entries, 9 B)"),
                get.err());
        assertEquals("jpeg", Files.readString(ws.resolve("downloads/kvasir/kvasir/polyps/1.jpg")));

        CliRun again = medfetch("extract", "kvasir");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("already extracted  downloads/kvasir/kvasir.zip"), again.out());

        Files.writeString(ws.resolve("downloads/kvasir/kvasir/README"), "HELLO");
        CliRun verify = medfetch("verify");
        assertEquals(1, verify.exitCode(), verify.out());
        assertTrue(verify.out().contains("mismatch  downloads/kvasir/kvasir/README"), verify.out());
        Files.writeString(ws.resolve("downloads/kvasir/kvasir/README"), "hello");

        assertEquals(0, medfetch("manifest", "-p", "thesis").exitCode());
        String text = Files.readString(ws.resolve("manifests/thesis.json"));
        ManifestSchema.assertValid(text);
        JsonNode x = JSON.readTree(text).get("datasets").get(0).get("files").get(0).get("extraction");
        assertEquals("downloads/kvasir/kvasir", x.get("folder").asText());
        assertEquals(2, x.get("entries").asInt());
        assertEquals(9, x.get("size").asLong());
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                x.get("files").get(0).get("sha256").asText());
        CliRun checked = medfetch("verify", "--manifest", ws.resolve("manifests/thesis.json").toString());
        assertEquals(0, checked.exitCode(), checked.out());
        assertTrue(checked.out().contains("3 file(s) checked, 0 problem(s)"), checked.out());
        Files.writeString(ws.resolve("downloads/kvasir/kvasir/stray.txt"), "?");
        CliRun extra = medfetch("verify", "--manifest", ws.resolve("manifests/thesis.json").toString());
        assertTrue(extra.out().contains("extra  downloads/kvasir/kvasir/stray.txt"), extra.out());
    }

    @Test
    void aRemovedArchiveIsNeitherMissingNorFetchedAgain() throws Exception {
        assertEquals(0, medfetch("get", server.url("kvasir.zip")).exitCode());
        CliRun extract = medfetch("extract", "kvasir", "--remove-archive");
        assertEquals(0, extract.exitCode(), extract.err() + extract.out());
        assertFalse(Files.exists(ws.resolve("downloads/kvasir/kvasir.zip")));
        CliRun verify = medfetch("verify");
        assertEquals(0, verify.exitCode(), verify.out());
        assertTrue(verify.out().contains("removed  downloads/kvasir/kvasir.zip  (deleted after it was unpacked"),
                verify.out());
        CliRun run = medfetch("run", "--verify", "--no-progress");
        assertEquals(0, run.exitCode(), "run's re-check knows the archive was removed on purpose: " + run.err());
        assertEquals(0, medfetch("manifest").exitCode());
        Path manifest = ws.resolve("manifests/default.json");
        assertTrue(JSON.readTree(Files.readString(manifest)).get("datasets").get(0).get("files").get(0)
                .get("extraction").get("archive_removed").asBoolean());
        CliRun byManifest = medfetch("verify", "--manifest", manifest.toString());
        assertEquals(0, byManifest.exitCode(), byManifest.out());
        CliRun sync = medfetch("sync", manifest.toString());
        assertEquals(0, sync.exitCode(), sync.err() + sync.out());
        assertTrue(sync.out().contains("kvasir: 0 to fetch, 1 already here"), sync.out());
        assertFalse(Files.exists(ws.resolve("downloads/kvasir/kvasir.zip")), "not fetched again");
    }

    @Test
    void aHostileArchiveIsRefusedWithExit4AndStaysDone() throws Exception {
        CliRun get = medfetch("get", server.url("evil.tar.gz"), "--extract");
        assertEquals(4, get.exitCode(), get.err());
        assertTrue(get.err().contains("downloads/evil/evil.tar.gz: not unpacked (refused): refusing entry "
                + "'../../escaped.txt': its path climbs out with '..'"), get.err());
        assertFalse(Files.exists(ws.resolve("downloads/escaped.txt")));
        assertFalse(Files.exists(ws.resolve("downloads/evil/evil")));
        try (Store store = Store.open(ws.resolve("downloads/.medfetch/state.db"), Clock.systemUTC())) {
            assertEquals(FileState.DONE, store.fileByPath("downloads/evil/evil.tar.gz").orElseThrow().state());
        }
        assertEquals(4, medfetch("extract", "evil").exitCode());
    }

    @Test
    void tooLittleFreeSpaceExits3LeavesNothingAndTheArchiveStaysDone() throws Exception {
        Main fullDisk = new Main(Map.of(), Path.of("no-home"), folder -> 5);
        CliRun get = CliRun.run(fullDisk, "--workspace", ws.toString(), "get", server.url("kvasir.zip"), "--extract");
        assertEquals(3, get.exitCode(), get.err());
        assertTrue(get.err().contains("downloads/kvasir/kvasir.zip: not unpacked") && get.err().contains(
                "not enough free space to unpack kvasir.zip: it needs at least 9 bytes, 5 are free"), get.err());
        assertFalse(Files.exists(ws.resolve("downloads/kvasir/kvasir")));
        try (Stream<Path> left = Files.list(ws.resolve("downloads/kvasir"))) {
            assertEquals(List.of("kvasir.zip"), left.map(p -> p.getFileName().toString()).toList(), "no temporary folder");
        }
        try (Store store = Store.open(ws.resolve("downloads/.medfetch/state.db"), Clock.systemUTC())) {
            assertEquals(FileState.DONE, store.fileByPath("downloads/kvasir/kvasir.zip").orElseThrow().state());
        }
        assertEquals(3, CliRun.run(fullDisk, "--workspace", ws.toString(), "extract", "kvasir").exitCode());
        CliRun room = medfetch("extract", "kvasir");
        assertEquals(0, room.exitCode(), room.err() + room.out());
        assertEquals("jpeg", Files.readString(ws.resolve("downloads/kvasir/kvasir/polyps/1.jpg")));
    }

    @Test
    void runExtractAppliesToThatRunAndDataFormatsStayPacked() throws Exception {
        assertEquals(0, medfetch("add", server.url("kvasir.zip")).exitCode());
        assertEquals(0, medfetch("add", server.url("ct.nii.gz")).exitCode());
        CliRun plain = medfetch("run", "--no-progress");
        assertEquals(0, plain.exitCode(), plain.err());
        assertFalse(Files.exists(ws.resolve("downloads/kvasir/kvasir")), "not asked to unpack");
        CliRun run = medfetch("run", "--no-progress", "--extract");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isDirectory(ws.resolve("downloads/kvasir/kvasir")));
        assertFalse(Files.exists(ws.resolve("downloads/ct/ct.nii")), ".nii.gz is a data format");
        assertEquals(2, medfetch("extract").exitCode(), "names datasets or a project");
        assertEquals(2, medfetch("add", server.url("kvasir.zip"), "--remove-archive").exitCode(),
                "--remove-archive goes with --extract");
    }
}
