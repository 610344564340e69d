package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.manifest.ManifestSchema;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.Store;

/** adopt: files a person fetched by hand come into the dataset's folder, are hashed and recorded, and count as done. */
class AdoptCommandTest {

    private static final String HELLO_SHA = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    @TempDir
    Path tmp;

    private Path ws;
    private Path outside;

    @BeforeEach
    void manualDatasetQueued() throws Exception {
        ws = tmp.resolve("ws");
        outside = tmp.resolve("Downloads");
        Files.createDirectories(outside);
        assertEquals(5, medfetch("add", "-p", "lungs", "lits").exitCode());
    }

    private CliRun medfetch(String... args) {
        return CliRun.in(ws, args);
    }

    private Store store() {
        return Store.open(ws.resolve("downloads/.medfetch/state.db"), Clock.systemUTC());
    }

    @Test
    void aFileFromOutsideTheWorkspaceIsBroughtInAndTheOriginalKept() throws Exception {
        Path original = Files.writeString(outside.resolve("Task06_Lung.tar"), "hello");
        CliRun run = medfetch("adopt", "lits", original.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("adopted  downloads/lits/Task06_Lung.tar  sha256:" + HELLO_SHA + "  (linked)")
                || run.out().startsWith("adopted  downloads/lits/Task06_Lung.tar  sha256:" + HELLO_SHA + "  (copied)"),
                run.out());
        assertTrue(run.out().contains("lits: 1 adopted, 0 unchanged, 0 changed; the dataset counts as done"), run.out());
        assertEquals("hello", Files.readString(original), "the original is untouched");
        assertEquals("hello", Files.readString(ws.resolve("downloads/lits/Task06_Lung.tar")));
        try (Store store = store()) {
            Job job = store.jobByDataset("lits").orElseThrow();
            assertEquals(JobState.ACTIVE, job.state());
            FileRecord f = store.files(job.id()).get(0);
            assertEquals("adopted", f.kind());
            assertEquals(FileState.DONE, f.state());
            assertEquals(HELLO_SHA, f.sha256());
        }
        assertTrue(medfetch("status", "--json").out().contains("\"state\":\"done\""));
        assertEquals(0, medfetch("verify", "lits").exitCode());
        assertEquals(0, medfetch("manifest", "-p", "lungs").exitCode());
        String manifest = Files.readString(ws.resolve("manifests/lungs.json"));
        ManifestSchema.assertValid(manifest);
        assertTrue(manifest.contains("\"kind\": \"adopted\",\n          \"url\": null"), manifest);
        assertFalse(manifest.contains(tmp.toString()), "where it came from stays on this machine");
        assertTrue(Files.readString(ws.resolve("manifests/lungs.md")).contains("## Manual steps left\n\nNone.\n"));
    }

    @Test
    void adoptingTwiceChangesNothingAndAChangedFileIsRehashed() throws Exception {
        Path original = Files.writeString(outside.resolve("lung.nii.gz"), "hello");
        assertEquals(0, medfetch("adopt", "lits", original.toString()).exitCode());
        CliRun again = medfetch("adopt", "lits", original.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("unchanged  downloads/lits/lung.nii.gz  sha256:" + HELLO_SHA), again.out());
        assertTrue(again.out().contains("0 adopted, 1 unchanged, 0 changed"), again.out());
        Files.writeString(original, "hellO");
        CliRun changed = medfetch("adopt", "lits", original.toString());
        assertEquals(0, changed.exitCode(), changed.err());
        assertTrue(changed.out().startsWith("changed  downloads/lits/lung.nii.gz  sha256:"), changed.out());
        assertTrue(changed.out().contains("was sha256:" + HELLO_SHA), changed.out());
        assertEquals("hellO", Files.readString(ws.resolve("downloads/lits/lung.nii.gz")));
        assertEquals(0, medfetch("verify", "lits").exitCode(), "the record follows the new content");
        try (Store store = store()) {
            assertEquals(1, store.files(store.jobByDataset("lits").orElseThrow().id()).size());
        }
    }

    @Test
    void aFolderIsAdoptedWithItsLayoutAndFilesInPlaceAreRecordedWhereTheyAre() throws Exception {
        Path folder = outside.resolve("Task06_Lung");
        Files.createDirectories(folder.resolve("imagesTr"));
        Files.createDirectories(folder.resolve("labelsTr"));
        Files.writeString(folder.resolve("imagesTr/lung_001.nii.gz"), "image");
        Files.writeString(folder.resolve("labelsTr/lung_001.nii.gz"), "label");
        Files.writeString(folder.resolve("labelsTr/lung_002.nii.gz.part"), "half a download");
        Path inPlace = ws.resolve("downloads/lits/dataset.json");
        Files.createDirectories(inPlace.getParent());
        Files.writeString(inPlace, "{}");
        CliRun run = medfetch("adopt", "lits", folder.toString(), inPlace.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("image", Files.readString(ws.resolve("downloads/lits/Task06_Lung/imagesTr/lung_001.nii.gz")));
        assertEquals("label", Files.readString(ws.resolve("downloads/lits/Task06_Lung/labelsTr/lung_001.nii.gz")));
        assertFalse(Files.exists(ws.resolve("downloads/lits/Task06_Lung/labelsTr/lung_002.nii.gz.part")));
        assertTrue(run.out().contains("adopted  downloads/lits/dataset.json  sha256:"), run.out());
        assertTrue(run.out().contains("(in place)"), run.out());
        assertTrue(run.out().contains("3 adopted"), run.out());
        assertTrue(Files.exists(folder.resolve("labelsTr/lung_001.nii.gz")), "originals stay");
        CliRun whole = medfetch("adopt", "lits", ws.resolve("downloads/lits").toString());
        assertTrue(whole.out().contains("0 adopted, 3 unchanged, 0 changed"), "the dataset's own folder, in place: " + whole.out());
    }

    @Test
    void badPathsAreClearErrorsAndNothingOutsideTheFolderIsWritten() throws Exception {
        CliRun missing = medfetch("adopt", "lits", outside.resolve("nope.tar").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("medfetch: " + outside.resolve("nope.tar") + " does not exist", missing.err().strip());
        CliRun empty = medfetch("adopt", "lits", outside.toString());
        assertEquals(2, empty.exitCode());
        assertTrue(empty.err().contains("no files in"), empty.err());
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "do not adopt me in place");
        Path link = ws.resolve("downloads/lits/innocent.txt");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, secret);
        CliRun symlink = medfetch("adopt", "lits", link.toString());
        assertEquals(2, symlink.exitCode());
        assertTrue(symlink.err().contains("is a symbolic link; medfetch follows no links when adopting"), symlink.err());
        CliRun unknown = medfetch("adopt", "no-such-dataset", secret.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("medfetch: no dataset 'no-such-dataset'"), unknown.err());
        try (Store store = store()) {
            assertTrue(store.files(store.jobByDataset("lits").orElseThrow().id()).isEmpty(), "nothing recorded");
        }
    }

    @Test
    void aDifferentFileAlreadyThereIsNotReplaced() throws Exception {
        Path mine = ws.resolve("downloads/lits/Task06_Lung.tar");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "someone else's");
        try (Store store = store()) {
            // recorded as a download of this dataset, not as adopted: adopt must not overwrite it
            store.addFile(store.jobByDataset("lits").orElseThrow().id(), new org.medfetch.store.NewFile("http",
                    "http://127.0.0.1:9/t.tar", "downloads/lits/Task06_Lung.tar", null, null, null, null));
        }
        Path original = Files.writeString(outside.resolve("Task06_Lung.tar"), "hello");
        CliRun run = medfetch("adopt", "lits", original.toString());
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains("downloads/lits/Task06_Lung.tar: is already there with other content"), run.err());
        assertEquals("someone else's", Files.readString(mine));
    }

    @Test
    void aCatalogDatasetNotQueuedYetIsQueuedAsAdopted() throws Exception {
        Path original = Files.writeString(outside.resolve("liver.nii.gz"), "hello");
        CliRun run = medfetch("adopt", "Brain2021", original.toString(), "-p", "livers");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("brain2021: 1 adopted, 0 unchanged, 0 changed (queued now); the dataset counts as done"),
                run.out());
        try (Store store = store()) {
            Job job = store.jobByDataset("brain2021").orElseThrow();
            assertEquals(List.of("livers"), job.projects());
            assertEquals("manual", job.linkClass());
            assertTrue(job.instructions().contains("BaiduPCS-Go"), "its instructions are kept for the manifest");
        }
    }

    @Test
    void aLinkOutOfTheAdoptedFolderIsNeverFollowed() throws Exception {
        Path secret = Files.writeString(tmp.resolve("shadow"), "root:$6$not-for-a-dataset");
        Path folder = Files.createDirectories(outside.resolve("Task06_Lung"));
        Files.writeString(folder.resolve("lung_001.nii.gz"), "image");
        Files.createSymbolicLink(folder.resolve("shadow"), secret);
        Files.createDirectories(tmp.resolve("etc"));
        Files.createSymbolicLink(folder.resolve("etc"), tmp.resolve("etc"));

        CliRun whole = medfetch("adopt", "lits", folder.toString());
        assertEquals(2, whole.exitCode(), whole.out());
        assertEquals("medfetch: " + folder.resolve("etc") + " is a symbolic link; medfetch follows no links when "
                + "adopting: name the file it points to (and 1 more like it); nothing was adopted", whole.err().strip());
        // FOLDER/* as a shell expands it names the link itself
        CliRun named = medfetch("adopt", "lits", folder.resolve("lung_001.nii.gz").toString(),
                folder.resolve("shadow").toString());
        assertEquals(2, named.exitCode(), named.out());
        assertTrue(named.err().contains(folder.resolve("shadow") + " is a symbolic link"), named.err());

        assertFalse(Files.exists(ws.resolve("downloads/lits/Task06_Lung")), "nothing was brought in");
        assertFalse(Files.exists(ws.resolve("downloads/lits/shadow")));
        try (Store store = store()) {
            assertTrue(store.files(store.jobByDataset("lits").orElseThrow().id()).isEmpty(), "nothing recorded");
        }
    }

    @Test
    void pipesAndDevicesAreRefusedNotRead() throws Exception {
        Path folder = Files.createDirectories(outside.resolve("Task06_Lung"));
        Files.writeString(folder.resolve("lung_001.nii.gz"), "image");
        Path fifo = folder.resolve("lung_002.nii.gz");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");
        // a writer, so that an adopt that reads the FIFO gets an end instead of waiting forever
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "from a pipe");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();

        CliRun named = medfetch("adopt", "lits", fifo.toString());
        assertEquals(2, named.exitCode(), named.out());
        assertEquals("medfetch: " + fifo + " is not a regular file (a pipe, device or socket); only files and folders "
                + "are adopted", named.err().strip());
        CliRun inFolder = medfetch("adopt", "lits", folder.toString());
        assertEquals(2, inFolder.exitCode(), inFolder.out());
        assertTrue(inFolder.err().contains(fifo + " is not a regular file"), inFolder.err());
        CliRun device = medfetch("adopt", "lits", "/dev/zero");
        assertEquals(2, device.exitCode(), device.out());
        assertTrue(device.err().contains("/dev/zero is not a regular file"), device.err());
        assertFalse(Files.exists(ws.resolve("downloads/lits/Task06_Lung")));
        assertEquals("from a pipe", Files.readString(fifo), "nobody but the test read the pipe");
        writer.join();
    }

    @Test
    void theWorkspacesOwnStateIsNeverAdopted() throws Exception {
        assertEquals(5, medfetch("add", "brain2021").exitCode());
        assertEquals(0, medfetch("manifest", "-p", "lungs").exitCode());
        Path other = Files.createDirectories(ws.resolve("downloads/brain2021"));
        Files.writeString(other.resolve("half.nii.gz"), "a torrent's file, half written");
        Path part = Files.writeString(outside.resolve("Task06_Lung.tar.part"), "half a download");

        List<String[]> refused = List.of(
                new String[] {ws.resolve("downloads/.medfetch/state.db").toString(), "is part of the workspace's own state"},
                new String[] {ws.resolve("downloads/.medfetch").toString(), "is part of the workspace's own state"},
                new String[] {ws.resolve("manifests/lungs.json").toString(), "is part of the workspace's own state"},
                new String[] {ws.resolve("downloads").toString(), "holds the workspace's own state"},
                new String[] {ws.toString(), "holds the workspace's own state"},
                new String[] {other.resolve("half.nii.gz").toString(), "is in the folder of another dataset (brain2021)"},
                new String[] {part.toString(), "is a partial download or a file medfetch keeps for itself"});
        for (String[] r : refused) {
            CliRun run = medfetch("adopt", "lits", r[0]);
            assertEquals(2, run.exitCode(), r[0] + ": " + run.out());
            assertEquals("medfetch: " + r[0] + " " + r[1], run.err().strip().substring(0,
                    Math.min(run.err().strip().length(), ("medfetch: " + r[0] + " " + r[1]).length())), run.err());
        }
        try (Store store = store()) {
            assertTrue(store.files(store.jobByDataset("lits").orElseThrow().id()).isEmpty(), "nothing recorded");
        }
    }
}
