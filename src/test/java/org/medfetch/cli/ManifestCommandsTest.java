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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.manifest.ManifestSchema;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Store;

/** manifest, verify --manifest and sync through the real wiring, with files finished by hand (no downloads). */
class ManifestCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO_SHA = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    @TempDir
    Path tmp;

    private CliRun medfetch(Path workspace, String... args) {
        return CliRun.in(workspace, args);
    }

    private Store store(Path workspace) {
        return Store.open(workspace.resolve("downloads/.medfetch/state.db"), Clock.systemUTC());
    }

    /** Marks the single file of a URL dataset done and puts "hello" on disk for it. */
    private void finish(Path ws, String dataset) throws Exception {
        try (Store store = store(ws)) {
            FileRecord f = store.files(store.jobByDataset(dataset).orElseThrow().id()).get(0);
            store.finish(f.id(), HELLO_SHA, 5);
            Files.createDirectories(ws.resolve(f.path()).getParent());
            Files.writeString(ws.resolve(f.path()), "hello");
        }
    }

    @Test
    void manifestHasNoSecretsNoLocalPathsAndFollowsTheSchema() throws Exception {
        Path ws = tmp.resolve("ws");
        Path torrent = tmp.resolve("elsewhere/scans.torrent");
        Files.createDirectories(torrent.getParent());
        // a valid torrent (add checks it): one 5-byte file in one piece
        Files.writeString(torrent, "d4:infod6:lengthi5e4:name9:scans.bin12:piece lengthi16384e6:pieces20:"
                + "PPPPPPPPPPPPPPPPPPPPee");
        assertEquals(0, medfetch(ws, "add", "-p", "thesis", "http://127.0.0.1:9/data/a.zip?token=s3cret&v=1",
                "http://127.0.0.1:9/data/b.zip", torrent.toString()).exitCode());
        assertEquals(5, medfetch(ws, "add", "-p", "thesis", "lits").exitCode());
        finish(ws, "a");
        CliRun run = medfetch(ws, "manifest", "-p", "thesis");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote manifests/thesis.json (4 dataset(s), 2 file(s)) and manifests/thesis.md"),
                run.out());
        assertTrue(run.out().contains("1 dataset(s) need manual steps"), run.out());
        assertTrue(run.err().contains("warning: 1 file(s) are not done"), run.err());
        assertTrue(run.err().contains("removed secrets from the links in the manifest (token)"), run.err());
        String text = Files.readString(ws.resolve("manifests/thesis.json"));
        ManifestSchema.assertValid(text);
        String md = Files.readString(ws.resolve("manifests/thesis.md"));
        for (String written : List.of(text, md)) {
            assertFalse(written.contains("s3cret"), written);
            assertFalse(written.contains(tmp.toString()), "no absolute path of this machine: " + written);
        }
        JsonNode manifest = JSON.readTree(text);
        assertEquals("bundled", manifest.get("catalog").get("origin").asText());
        assertEquals(64, manifest.get("catalog").get("sha256").asText().length());
        JsonNode a = dataset(manifest, "a");
        assertEquals("http://127.0.0.1:9/data/a.zip?token=REDACTED&v=1", a.get("files").get(0).get("url").asText());
        assertEquals(HELLO_SHA, a.get("files").get(0).get("sha256").asText());
        assertEquals("done", a.get("state").asText());
        assertTrue(dataset(manifest, "b").get("files").get(0).get("sha256").isNull(), "not done: no hash");
        JsonNode scans = dataset(manifest, "scans");
        assertEquals("scans.torrent", scans.get("torrents").get(0).get("url").asText());
        assertEquals("scans.torrent", scans.get("source").get("link").asText());
        JsonNode lung = dataset(manifest, "lits");
        assertEquals("CT", lung.get("section").asText());
        assertEquals("manual", lung.get("state").asText());
        assertTrue(lung.get("license").asText().startsWith("for academic research only"), lung.toString());
        assertTrue(lung.get("instructions").get("steps").toString().contains("6666"), lung.toString());
        assertTrue(md.contains("- [ ] **LiTS** (`lits`)"), md);
    }

    private static JsonNode dataset(JsonNode manifest, String id) {
        for (JsonNode d : manifest.get("datasets")) {
            if (d.get("id").asText().equals(id)) {
                return d;
            }
        }
        throw new AssertionError("no dataset " + id + " in " + manifest);
    }

    @Test
    void outPutsTheManifestElsewhereAndBadProjectsAreUsageErrors() throws Exception {
        Path ws = tmp.resolve("ws");
        medfetch(ws, "add", "-p", "p1", "http://127.0.0.1:9/a.zip");
        Path out = tmp.resolve("shared/p1-manifest.json");
        CliRun run = medfetch(ws, "manifest", "-p", "p1", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(out) && Files.isRegularFile(tmp.resolve("shared/p1-manifest.md")));
        ManifestSchema.assertValid(Files.readString(out));
        CliRun none = medfetch(ws, "manifest", "-p", "nobody");
        assertEquals(2, none.exitCode());
        assertEquals("medfetch: project 'nobody' has no datasets queued (projects: p1)", none.err().strip());
        medfetch(ws, "add", "-p", "../up", "http://127.0.0.1:9/b.zip");
        CliRun climbing = medfetch(ws, "manifest", "-p", "../up");
        assertEquals(2, climbing.exitCode());
        assertTrue(climbing.err().contains("give --out FILE"), climbing.err());
        assertFalse(Files.exists(tmp.resolve("up.json")));
    }

    @Test
    void verifyAgainstTheManifestReportsMissingMismatchedAndExtraFiles() throws Exception {
        Path ws = tmp.resolve("ws");
        medfetch(ws, "add", "-p", "v", "http://127.0.0.1:9/a.bin", "http://127.0.0.1:9/b.bin", "http://127.0.0.1:9/c.bin");
        for (String id : List.of("a", "b", "c")) {
            finish(ws, id);
        }
        assertEquals(0, medfetch(ws, "manifest", "-p", "v").exitCode());
        Path manifest = ws.resolve("manifests/v.json");
        ManifestSchema.assertValid(Files.readString(manifest));
        Files.writeString(ws.resolve("downloads/a/a.bin.part"), "partial download: not extra");
        CliRun clean = medfetch(ws, "verify", "--manifest", manifest.toString());
        assertEquals(0, clean.exitCode(), clean.out());
        assertTrue(clean.out().endsWith("3 file(s) checked, 0 problem(s)\n"), clean.out());
        Files.writeString(ws.resolve("downloads/a/a.bin"), "hellO");
        Files.delete(ws.resolve("downloads/b/b.bin"));
        Files.writeString(ws.resolve("downloads/c/notes.txt"), "mine");
        CliRun bad = medfetch(ws, "verify", "--manifest", manifest.toString());
        assertEquals(1, bad.exitCode(), bad.out());
        assertTrue(bad.lines().get(0).startsWith("mismatch  downloads/a/a.bin  (sha256 is "), bad.out());
        assertTrue(bad.out().contains("missing  downloads/b/b.bin  (not on disk)"), bad.out());
        assertTrue(bad.out().contains("ok  downloads/c/c.bin"), bad.out());
        assertTrue(bad.out().contains("extra  downloads/c/notes.txt  (not in the manifest)"), bad.out());
        assertTrue(bad.out().endsWith("4 file(s) checked, 3 problem(s)\n"), bad.out());
        CliRun one = medfetch(ws, "verify", "c", "--manifest", manifest.toString());
        assertEquals(1, one.exitCode(), "c has an extra file");
        assertEquals(2, medfetch(ws, "verify", "zz", "--manifest", manifest.toString()).exitCode());
        assertEquals(2, medfetch(ws, "verify", "--manifest", ws.resolve("manifests/none.json").toString()).exitCode());
    }

    @Test
    void syncRefusesAHandEditedManifestAndDeletesNothing() throws Exception {
        Path ws = tmp.resolve("ws");
        medfetch(ws, "add", "-p", "v", "http://127.0.0.1:9/a.bin");
        finish(ws, "a");
        medfetch(ws, "manifest", "-p", "v");
        Path manifest = ws.resolve("manifests/v.json");
        String good = Files.readString(manifest);
        ManifestSchema.assertValid(good);
        Files.writeString(manifest, good.replace("\"downloads/a/a.bin\"", "\"downloads/a/../../../etc/passwd\""));
        CliRun run = medfetch(ws, "sync", manifest.toString());
        assertEquals(2, run.exitCode());
        assertEquals("medfetch: manifest " + manifest + ": datasets[0].files[0].path: 'downloads/a/../../../etc/passwd' must be "
                + "a plain relative path ('/'-separated, no empty, '.' or '..' parts, no '\\' or control characters)",
                run.err().strip());
        assertEquals("hello", Files.readString(ws.resolve("downloads/a/a.bin")));
        Files.writeString(manifest, "{\"format\": 1,");
        CliRun broken = medfetch(ws, "sync", manifest.toString());
        assertEquals(2, broken.exitCode());
        assertTrue(broken.err().startsWith("medfetch: manifest " + manifest + ": not valid JSON at line 1"), broken.err());
        assertEquals(2, medfetch(ws, "sync", tmp.resolve("nothing.json").toString()).exitCode());
        assertTrue(Files.exists(ws.resolve("downloads/a/a.bin")));
    }

    @Test
    void syncListsManualDatasetsWithTheirInstructionsAndExits5() throws Exception {
        Path a = tmp.resolve("a");
        medfetch(a, "add", "-p", "lungs", "lits");
        assertEquals(0, medfetch(a, "manifest", "-p", "lungs").exitCode());
        ManifestSchema.assertValid(Files.readString(a.resolve("manifests/lungs.json")));
        Path b = tmp.resolve("b");
        CliRun run = medfetch(b, "sync", a.resolve("manifests/lungs.json").toString(), "--no-progress");
        assertEquals(5, run.exitCode(), run.err());
        assertTrue(run.out().contains("lits: 0 to fetch, 0 already here"), run.out());
        assertTrue(run.out().contains("lits: manual steps needed: "), run.out());
        assertTrue(run.out().contains("6666"), run.out());
        assertTrue(run.out().contains("Then: medfetch adopt lits PATH..."), run.out());
        CliRun status = medfetch(b, "status", "--json", "-p", "lungs");
        assertTrue(status.out().contains("\"state\":\"manual\""), status.out());
    }
}
