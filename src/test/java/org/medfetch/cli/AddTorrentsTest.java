package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.NewJob;
import org.medfetch.store.Store;

/** add with magnets and local .torrent files: one dataset per info-hash, checked before queueing, bounded ids. */
class AddTorrentsTest {

    /** A valid one-file torrent (5 bytes in one piece), hand-written. */
    private static final String INFO = "d6:lengthi5e4:name9:scans.bin12:piece lengthi16384e6:pieces20:"
            + "PPPPPPPPPPPPPPPPPPPPe";
    private static final String TORRENT = "d8:announce27:http://127.0.0.1:1/announce4:info" + INFO + "e";

    @TempDir
    Path tmp;

    private CliRun medfetch(String... args) {
        return CliRun.in(tmp.resolve("ws"), args);
    }

    private Store store() {
        return Store.open(tmp.resolve("ws/downloads/.medfetch/state.db"), Clock.systemUTC());
    }

    private static String infoHash() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(INFO.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private Path write(String name, String bencode) throws Exception {
        return Files.writeString(tmp.resolve(name), bencode, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aTorrentIsOneDatasetHoweverItIsNamed() throws Exception {
        Path file = write("study.torrent", TORRENT);
        Path relative = Path.of("").toAbsolutePath().relativize(file);
        assertEquals(0, medfetch("add", relative.toString()).exitCode());
        assertEquals(0, medfetch("add", file.toString(), "-p", "other").exitCode());
        CliRun magnet = medfetch("add", "magnet:?xt=urn:btih:" + infoHash() + "&dn=Another%20Name");
        assertEquals(0, magnet.exitCode(), magnet.err());
        assertTrue(magnet.out().startsWith("study: "), "the dataset the .torrent made: " + magnet.out());
        try (Store store = store()) {
            List<Job> jobs = store.jobs(null);
            assertEquals(List.of("study"), jobs.stream().map(Job::datasetId).toList());
            assertEquals(List.of("default", "other"), jobs.get(0).projects());
            List<FileRecord> files = store.files(jobs.get(0).id());
            assertEquals(1, files.size(), "one torrent, queued once");
            assertEquals(infoHash(), files.get(0).infoHash(), "known from the add");
        }
        assertTrue(Files.exists(tmp.resolve("ws/downloads/.medfetch/torrents/" + infoHash() + ".torrent")),
                "kept, so that a run needs neither the file nor peers for the metadata");
    }

    @Test
    void aMagnetFirstThenItsTorrentFileIsStillOneDataset() throws Exception {
        assertEquals(0, medfetch("add", "magnet:?xt=urn:btih:" + infoHash().toUpperCase() + "&dn=CQ500").exitCode());
        assertEquals(0, medfetch("add", write("cq500-v2.torrent", TORRENT).toString()).exitCode());
        try (Store store = store()) {
            assertEquals(List.of("CQ500"), store.jobs(null).stream().map(Job::datasetId).toList());
            assertEquals(1, store.files(store.jobs(null).get(0).id()).size());
        }
        assertTrue(Files.exists(tmp.resolve("ws/downloads/.medfetch/torrents/" + infoHash() + ".torrent")),
                "the magnet's run gets its metadata from the .torrent added later");
    }

    @Test
    void addingATorrentAgainKeepsWhatItsDatasetKnows() throws Exception {
        assertEquals(0, medfetch("add", write("study.torrent", TORRENT).toString()).exitCode());
        try (Store store = store()) {
            Job job = store.jobs(null).get(0);
            // as a catalog dataset with notes would be
            store.addJob(new NewJob(job.datasetId(), "Study", "study", "https://example.org/study.torrent", "mirror",
                    "torrent", "catalog", "https://example.org/study.torrent", JobState.ACTIVE,
                    "{\"summary\":\"cite the paper\",\"steps\":[]}", null, "{\"title\":\"Study\"}"), "default");
        }
        assertEquals(0, medfetch("add", "magnet:?xt=urn:btih:" + infoHash()).exitCode());
        try (Store store = store()) {
            Job job = store.jobs(null).get(0);
            assertEquals(List.of("study"), store.jobs(null).stream().map(Job::datasetId).toList());
            assertEquals("catalog", job.source());
            assertEquals("mirror", job.resolver());
            assertTrue(job.instructions().contains("cite the paper"), job.instructions());
            assertTrue(job.metadata().contains("Study"), job.metadata());
        }
    }

    @Test
    void aHostileTorrentFileIsRefusedAtAddWithOneLine() throws Exception {
        Path deep = write("deep.torrent", "d4:info" + "l".repeat(100_000) + "e".repeat(100_000) + "e");
        Path clash = write("clash.torrent", "d4:infod5:filesld6:lengthi10e4:pathl1:aeed6:lengthi10e4:pathl1:a1:beee"
                + "4:name5:clash12:piece lengthi16384e6:pieces20:PPPPPPPPPPPPPPPPPPPPee");
        Path huge = write("huge.torrent", "d4:infod6:lengthi4611686018427387904e4:name4:huge12:piece lengthi16384e"
                + "6:pieces20:PPPPPPPPPPPPPPPPPPPPee");
        List<String[]> cases = List.of(
                new String[] {deep.toString(), deep + " is not a valid .torrent file (it nests values more than 64 levels deep)"},
                new String[] {clash.toString(), clash + ": the torrent lists 'clash/a' both as a file and as a folder"},
                new String[] {huge.toString(), huge + " is not a valid .torrent file (it claims 4611686018427387904 bytes"
                        + " in pieces of 16384, which is 281474976710656 pieces, but it has 1 piece hashes)"});
        for (String[] c : cases) {
            CliRun add = medfetch("add", c[0]);
            assertEquals(2, add.exitCode(), add.out());
            assertEquals("medfetch: " + c[1], add.err().strip());
        }
        CliRun selection = medfetch("add", write("study.torrent", TORRENT).toString(), "--files", "*.dcm");
        assertEquals(2, selection.exitCode(), selection.out());
        assertTrue(selection.err().endsWith("study.torrent: no file of the torrent matches --files '*.dcm'\n"),
                selection.err());
        try (Store store = store()) {
            assertEquals(List.of(), store.jobs(null), "nothing queued");
        }
    }

    @Test
    void trackersThatAreNotUrlsAreUsageErrors() {
        CliRun magnet = medfetch("add", "magnet:?xt=urn:btih:" + "a".repeat(40) + "&tr=garbage");
        assertEquals(2, magnet.exitCode(), magnet.out());
        assertEquals("medfetch: bad magnet link: tracker 'garbage' is not a URL like http://tracker.example/announce",
                magnet.err().strip());
        CliRun option = medfetch("add", "magnet:?xt=urn:btih:" + "a".repeat(40) + "&x.pe=127.0.0.1:1",
                "--tracker", "not a url");
        assertEquals(2, option.exitCode(), option.out());
        assertEquals("medfetch: --tracker: tracker 'not a url' is not a URL like http://tracker.example/announce",
                option.err().strip());
        CliRun good = medfetch("add", "magnet:?xt=urn:btih:" + "a".repeat(40) + "&tr=udp%3A%2F%2Ftracker.example%3A1337"
                + "&tr=wss%3A%2F%2Ftracker.example", "--tracker", "https://tracker.example/announce?passkey=x=y");
        assertEquals(0, good.exitCode(), "schemes bt cannot speak are skipped at run, not refused: " + good.err());
    }

    @Test
    void aMegabyteOfMagnetNameMakesABoundedIdAndName() {
        String dn = "Scan ".repeat(200_000);
        CliRun add = medfetch("add", "magnet:?xt=urn:btih:" + "b".repeat(40) + "&x.pe=127.0.0.1:1&dn=" + dn.replace(" ", "%20"));
        assertEquals(0, add.exitCode(), add.err());
        try (Store store = store()) {
            Job job = store.jobs(null).get(0);
            String id = job.datasetId();
            assertTrue(id.length() <= 80, () -> "an id of " + id.length() + " characters");
            assertTrue(id.matches("Scan Scan .*-[0-9a-f]{8}"), () -> id.substring(0, Math.min(100, id.length())));
            assertTrue(job.name().length() <= 200, () -> "a name of " + job.name().length() + " characters");
            String path = store.files(job.id()).get(0).path();
            assertTrue(path.length() <= "downloads/".length() + 80 + 1 + 80, () -> "a path of " + path.length());
        }
        CliRun again = medfetch("add", "magnet:?xt=urn:btih:" + "c".repeat(40) + "&x.pe=127.0.0.1:1&dn=" + dn.replace(" ", "%20"));
        assertEquals(0, again.exitCode(), again.err());
        try (Store store = store()) {
            List<String> ids = store.jobs(null).stream().map(Job::datasetId).toList();
            assertEquals(2, ids.stream().distinct().count(), "two torrents, two datasets");
            assertTrue(ids.stream().allMatch(id -> id.length() <= 80), () -> "ids of " + ids.stream()
                    .map(String::length).toList() + " characters");
        }
    }
}
