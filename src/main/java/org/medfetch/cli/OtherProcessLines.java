package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Store;
import org.medfetch.workflow.RunQueue;

/** What get and sync say about files another medfetch process is downloading: that they wait, and how they ended. */
final class OtherProcessLines {

    private final PrintWriter err;
    private final boolean noWait;
    private final boolean offersNoWait;
    private final Set<Long> awaited = ConcurrentHashMap.newKeySet();

    /** For get, which has --no-wait. */
    OtherProcessLines(PrintWriter err, boolean noWait) {
        this(err, noWait, true);
    }

    /** @param offersNoWait the command has --no-wait (get), so the wait line names it */
    OtherProcessLines(PrintWriter err, boolean noWait, boolean offersNoWait) {
        this.err = err;
        this.noWait = noWait;
        this.offersNoWait = offersNoWait;
    }

    /** Before the wait: which files, and that --no-wait would not wait. */
    void waiting(List<FileRecord> files) {
        for (FileRecord f : files) {
            awaited.add(f.id());
            err.println("medfetch: " + f.path() + " is being downloaded by another medfetch process; waiting for it "
                    + "to finish" + (offersNoWait ? " (--no-wait does not wait)" : ""));
        }
        err.flush();
    }

    /** After the run: files still in other hands, and how the other process left those this one waited for. */
    void after(RunQueue.Result result, Store store) {
        for (FileRecord f : result.elsewhere()) {
            err.println("medfetch: " + f.path() + " is being downloaded by another medfetch process; "
                    + (noWait ? "not waiting for it (--no-wait)" : "stopped waiting for it"));
        }
        Set<Long> said = result.report().failures().stream().map(failure -> failure.fileId()).collect(Collectors.toSet());
        result.elsewhere().forEach(f -> said.add(f.id()));
        for (long id : awaited) {
            store.file(id).filter(f -> f.state() != FileState.DONE && !said.contains(f.id()))
                    .ifPresent(f -> err.println("medfetch: " + f.path() + ": " + f.state().label()
                            + (f.lastError() == null ? "" : ": " + f.lastError())));
        }
    }
}
