package org.medfetch.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.NewFile;
import org.medfetch.store.NewJob;
import org.medfetch.store.Store;
import org.medfetch.store.StoreAddress;

/**
 * The claim loop of bench/claims.sh, on the store alone (no transfer): {@code seed STORE N} queues N tiny
 * files; {@code work STORE OWNER OUT} claims and finishes files until none is left, writing each claimed id
 * to OUT and, last, its start and end in epoch milliseconds. STORE is a path to a state.db or a
 * postgresql:// URL (password from PGPASSWORD). Not a test: a program the benchmark runs.
 */
public final class ClaimBench {

    private ClaimBench() {
    }

    public static void main(String[] args) throws Exception {
        StoreAddress address = StoreAddress.parse(args[1].startsWith("postgres") ? args[1] : null, Path.of(args[1]),
                System.getenv(), Path.of(System.getProperty("user.home")));
        try (Store store = Store.open(address, Clock.systemUTC())) {
            if (args[0].equals("seed")) {
                int n = Integer.parseInt(args[2]);
                Job job = store.addJob(new NewJob("bench", "bench", "bench", null, "direct", "http", "url", null,
                        JobState.ACTIVE, null, null, null), "bench");
                for (int i = 0; i < n; i++) {
                    store.addFile(job.id(), new NewFile("http", "http://127.0.0.1:9/f" + i, "downloads/bench/f" + i, 1L,
                            null, null, null));
                }
                return;
            }
            String owner = args[2];
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
                long start = System.currentTimeMillis();
                Optional<FileRecord> next;
                while ((next = store.claim(owner, 30_000, Set.of())).isPresent()) {
                    store.finish(next.get().id(), "00".repeat(32), 1);
                    out.println(next.get().id());
                }
                out.println("start " + start + " end " + System.currentTimeMillis());
            }
        }
    }
}
