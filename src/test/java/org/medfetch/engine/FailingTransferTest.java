package org.medfetch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.resolve.Source;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.NewFile;
import org.medfetch.store.NewJob;
import org.medfetch.store.Store;

/** A transfer that throws an Error (bt overflowing its stack on a hostile .torrent) fails its file, not the run. */
class FailingTransferTest {

    @TempDir
    Path workspace;

    /** Overflows its stack on files named deep.*, fails to link on files named linkage.*, fetches the others. */
    private static final class HostileInputBreaksTheLibrary implements Transfer<Source.HttpSource> {
        @Override
        public List<CompletedFile> fetch(TransferTask<Source.HttpSource> task, Progress progress) {
            String name = task.target().getFileName().toString();
            if (name.startsWith("deep.")) {
                return recurse(0);
            }
            if (name.startsWith("linkage.")) {
                throw new NoClassDefFoundError("bt/SomethingMissing");
            }
            try {
                Files.createDirectories(task.target().getParent());
                Files.writeString(task.target(), "data");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return List.of(new CompletedFile(task.target(), 4,
                    "3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7"));
        }

        private static List<CompletedFile> recurse(int depth) {
            return depth < 0 ? List.of() : recurse(depth + 1);
        }
    }

    @Test
    void anErrorInOneTransferFailsThatFileAndTheQueueGoesOn() {
        try (Store store = Store.open(workspace.resolve("downloads/.medfetch/state.db"), Clock.systemUTC())) {
            Job job = store.addJob(new NewJob("ds", "ds", "ds", null, "direct", "http", "url", null, JobState.ACTIVE,
                    null, null, null), "default");
            for (String name : List.of("deep.torrent", "linkage.bin", "good.bin")) {
                store.addFile(job.id(), new NewFile("http", "http://127.0.0.1:1/" + name, "downloads/ds/" + name, null,
                        null, null, null));
            }
            RetryPolicy instant = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, RandomGenerator.getDefault());
            // one worker: before, the first Error ended it, and with it the run
            RunReport report = new Engine(store, workspace, new Transfers(new HostileInputBreaksTheLibrary(), null),
                    Clock.systemUTC()).run(new RunOptions(1, TransferOptions.defaults(), instant), Progress.NONE,
                    new StopSignal());

            assertEquals(1, report.completed().size(), "the good file was fetched after the two failures");
            assertEquals(2, report.failures().size());
            for (FileRecord f : store.files(job.id())) {
                if (f.path().endsWith("good.bin")) {
                    assertEquals(FileState.DONE, f.state());
                } else {
                    assertEquals(FileState.FAILED, f.state(), f.path());
                    assertTrue(f.lastError().startsWith("internal error while fetching this file (java.lang."),
                            f.lastError());
                    assertTrue(f.lastError().endsWith("); the other files went on; please report it"), f.lastError());
                }
            }
        }
    }
}
