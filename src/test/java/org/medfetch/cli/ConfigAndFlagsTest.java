package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Job;
import org.medfetch.store.Store;

/** Config files, MEDFETCH_* variables, -q, -v and the options of input-file lines. */
class ConfigAndFlagsTest {

    @TempDir
    Path tmp;

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                        .body(new okio.Buffer().write(request.getUrl().encodedPath().getBytes(StandardCharsets.UTF_8)))
                        .build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path home() {
        return tmp.resolve("home");
    }

    private Path catalog(String name) throws Exception {
        return Files.writeString(tmp.resolve(name + ".csv"), "name,link\n" + name + ",https://zenodo.org/records/1\n");
    }

    private void userConfig(String toml) throws Exception {
        Path file = home().resolve(".config/medfetch/config.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, toml);
    }

    /** The one dataset `catalog` lists, which tells which catalog setting won. */
    private String listed(Map<String, String> env, String... args) {
        CliRun run = CliRun.run(env, home(), args);
        assertEquals(0, run.exitCode(), run.err());
        return run.lines().get(1).split("\\s+")[0];
    }

    @Test
    void optionsBeatVariablesBeatTheWorkspaceFileBeatTheUserFile() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        userConfig("workspace = \"" + ws + "\"\ncatalog = \"" + catalog("from-user") + "\"\n");
        assertEquals("from-user", listed(Map.of(), "catalog"));
        Files.writeString(ws.resolve("medfetch.toml"), "catalog = \"" + catalog("from-workspace") + "\"\n");
        assertEquals("from-workspace", listed(Map.of(), "catalog"), "the user file's workspace holds this file");
        Map<String, String> env = Map.of("MEDFETCH_CATALOG", catalog("from-env").toString());
        assertEquals("from-env", listed(env, "catalog"));
        assertEquals("from-option", listed(env, "--catalog", catalog("from-option").toString(), "catalog"));
    }

    @Test
    void medfetchWorkspaceNamesTheWorkspaceAndConfigSetsRunDefaults() throws Exception {
        Path ws = tmp.resolve("elsewhere");
        Map<String, String> env = Map.of("MEDFETCH_WORKSPACE", ws.toString());
        CliRun status = CliRun.run(env, home(), "status");
        assertEquals(2, status.exitCode());
        assertTrue(status.err().contains(ws.toString()), status.err());
        userConfig("connections = 40\n");
        CliRun add = CliRun.run(env, home(), "add", server.url("/a.bin").toString());
        assertEquals(0, add.exitCode(), add.err());
        CliRun run = CliRun.run(env, home(), "run");
        assertEquals(2, run.exitCode(), "connections = 40 from the config file reaches run's check");
        assertTrue(run.err().contains("--connections 1 to 32"), run.err());
        assertEquals(0, CliRun.run(env, home(), "run", "--connections", "2", "--no-progress").exitCode());
    }

    @Test
    void aConfigFilesCatalogPathStartsAtItsFolderAndAnyRunOptionIsKnownToEveryCommand() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws-relative"));
        Files.writeString(ws.resolve("lab.csv"), "name,link\nlab-list,https://zenodo.org/records/1\n");
        Files.writeString(ws.resolve("medfetch.toml"), "catalog = \"lab.csv\"\n");
        // connections is run's option; catalog has none, and must still accept a file that sets it
        userConfig("workspace = \"" + ws + "\"\nconnections = 8\n");
        assertEquals("lab-list", listed(Map.of(), "catalog"), "lab.csv beside medfetch.toml, whatever the current folder");
    }

    @Test
    void aConfigFileWithAnUnknownKeyOrBadTomlIsOneClearLine() throws Exception {
        userConfig("conections = 8\n");
        CliRun unknown = CliRun.run(Map.of(), home(), "catalog");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("config.toml: unknown key 'conections' (medfetch reads: workspace, catalog"),
                unknown.err());
        assertTrue(unknown.err().contains("no-mirrors, store, connections"), unknown.err());
        userConfig("parallel = \n");
        CliRun bad = CliRun.run(Map.of(), home(), "catalog");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("is not valid TOML") && bad.err().contains("line 1"), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
        userConfig("");
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(ws.resolve("medfetch.toml"), "workspace = \"/tmp\"\n");
        CliRun moved = CliRun.run(Map.of(), home(), "--workspace", ws.toString(), "status");
        assertEquals(2, moved.exitCode());
        assertTrue(moved.err().contains("cannot name another workspace"), moved.err());
    }

    @Test
    void quietLeavesOnlyTheSha256LinesAndVerboseSaysEveryRequestWithoutItsQuery() {
        String url = server.url("/files/scan.bin?token=s3cr3t").toString();
        CliRun quiet = CliRun.in(tmp.resolve("q"), "get", url, "-q");
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertEquals("", quiet.err());
        assertEquals(1, quiet.lines().size(), quiet.out());
        assertTrue(quiet.out().matches("[0-9a-f]{64}  downloads/scan/scan\\.bin\\R"), quiet.out());
        CliRun verbose = CliRun.in(tmp.resolve("v"), "get", url, "-v", "--no-progress");
        assertEquals(0, verbose.exitCode(), verbose.err());
        assertTrue(verbose.err().lines().anyMatch(l -> l.startsWith("medfetch: GET http://") && l.contains(
                ":" + server.getPort() + "/files/scan.bin?… ") && l.endsWith(" -> 200, 15 bytes")), verbose.err());
        assertFalse(verbose.err().contains("s3cr3t"), verbose.err());
    }

    @Test
    void inputFileLinesTakeChecksumDatasetAndOutOptionsLikeAria2() throws Exception {
        Path ws = tmp.resolve("ws");
        Path input = Files.writeString(tmp.resolve("targets.txt"), server.url("/d/one.bin") + "\n"
                + "  dataset=scans\n  out=first.bin\n"
                + server.url("/d/two.bin") + "\n"
                + "\tdataset=scans\n\tchecksum=sha-256=" + "0".repeat(64) + "\n");
        CliRun add = CliRun.in(ws, "add", "-i", input.toString());
        assertEquals(0, add.exitCode(), add.err());
        try (Store store = Store.open(ws.resolve("downloads/.medfetch/state.db"), Clock.systemUTC())) {
            Job scans = store.jobByDataset("scans").orElseThrow();
            List<FileRecord> files = store.files(scans.id());
            assertEquals(List.of("downloads/scans/first.bin", "downloads/scans/two.bin"),
                    files.stream().map(FileRecord::path).toList());
            assertEquals("sha256:" + "0".repeat(64), files.get(1).checksums());
        }
        CliRun run = CliRun.in(ws, "run", "--no-progress");
        assertEquals(4, run.exitCode(), "the second file does not match its checksum=: " + run.err());
        assertTrue(Files.exists(ws.resolve("downloads/scans/first.bin")));
        Path unknown = Files.writeString(tmp.resolve("bad.txt"), server.url("/x.bin") + "\n  dir=/tmp\n");
        CliRun bad = CliRun.in(ws, "add", "-i", unknown.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("bad.txt line 2: medfetch does not read the option 'dir='"), bad.err());
        Path orphan = Files.writeString(tmp.resolve("orphan.txt"), "  out=x.bin\n");
        assertTrue(CliRun.in(ws, "add", "-i", orphan.toString()).err().contains("line 1: an indented option line must "
                + "follow a target"));
        Path catalogDataset = Files.writeString(tmp.resolve("lits.txt"), "lits\n  dataset=mine\n");
        assertEquals(2, CliRun.in(ws, "add", "-i", catalogDataset.toString()).exitCode());
        Map<String, String> none = new HashMap<>();
        assertEquals(0, CliRun.run(none, home(), "--workspace", ws.toString(), "status").exitCode());
    }
}
