package org.medfetch.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.medfetch.resolve.Instructions;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.Store;

/**
 * verify --repair: a finished file that no longer matches is moved aside as {@code <name>.mismatch-<utc>} (never
 * deleted) and queued again; a missing one is queued again; a file a person adopted cannot be fetched by
 * medfetch, so its dataset's steps are given again (manual, exit 5). Unpacked files are left to extract.
 */
public final class RepairFiles {

    /**
     * @param action what was done, and what comes next
     * @param steps  for an adopted file, what a person must do; else null
     */
    public record Repaired(VerifyFiles.Checked checked, String action, Instructions steps, Outcome outcome) {
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Workspace workspace;

    public RepairFiles(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Checks like verify, then repairs every problem it can; files that are fine are returned untouched. */
    public List<Repaired> repair(String target) {
        List<Repaired> out = new ArrayList<>();
        for (VerifyFiles.Checked c : new VerifyFiles(workspace).verify(target)) {
            out.add(c.verdict().problem() ? repair(c) : new Repaired(c, null, null, Outcome.SUCCESS));
        }
        return out;
    }

    private Repaired repair(VerifyFiles.Checked c) {
        FileRecord f = c.file();
        if (f == null) {
            return new Repaired(c, "not repaired: " + c.fix(), null, Outcome.PROBLEMS);
        }
        Store store = workspace.store();
        Job job = store.job(f.jobId()).orElseThrow();
        String aside = moveAside(f);
        String moved = aside == null ? "" : "moved aside to " + aside + "; ";
        if (f.kind().equals("adopted")) {
            store.setState(f.id(), FileState.MANUAL, null);
            Instructions given = JobJson.instructions(job.instructions());
            List<String> steps = new ArrayList<>(given == null ? List.of() : given.steps());
            steps.add("Then bring the file in again: medfetch adopt " + job.datasetId() + " PATH (it belongs at "
                    + f.path() + ")");
            return new Repaired(c, moved + "it was adopted, so a person must fetch it again",
                    new Instructions(given == null ? "Fetch " + f.path() + " again the way it was fetched before."
                            : given.summary(), steps), Outcome.MANUAL);
        }
        store.resetProgress(f.id());
        store.requeue(f.id());
        if (f.parentId() != null) {
            // a file of a torrent: the torrent checks its pieces and fetches what is missing
            store.requeue(f.parentId());
        }
        return new Repaired(c, moved + "queued again: 'medfetch run " + job.datasetId() + "' fetches it",
                null, Outcome.RETRYABLE);
    }

    /** Renames a file that is there to {@code <name>.mismatch-<utc>} beside it; null when there was none. */
    private String moveAside(FileRecord f) {
        Path file = workspace.root().resolve(f.path()).normalize();
        if (!file.startsWith(workspace.root().resolve("downloads")) || !Files.isRegularFile(file)) {
            return null;
        }
        Path aside = file.resolveSibling(file.getFileName() + ".mismatch-" + UTC.format(workspace.clock().instant()));
        try {
            Files.move(file, aside);
        } catch (IOException e) {
            throw new UsageException("cannot move " + file + " aside: " + e.getMessage(), e);
        }
        return workspace.root().relativize(aside).toString().replace('\\', '/');
    }
}
