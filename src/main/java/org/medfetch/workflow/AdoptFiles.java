package org.medfetch.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.NewFile;
import org.medfetch.store.NewJob;
import org.medfetch.store.Store;

/**
 * The adopt use case: after a person followed a manual dataset's instructions, brings their files into
 * {@code downloads/<id>/} (a hard link on the same file system, else a copy; the originals are never
 * changed or deleted), records each with its SHA-256, and counts the dataset as done. Running it again
 * changes nothing for unchanged files and re-hashes changed ones.
 */
public final class AdoptFiles {

    public enum How { LINKED, COPIED, IN_PLACE }

    public enum Change { ADDED, UNCHANGED, CHANGED }

    /** @param previousSha256 the SHA-256 recorded before, for a changed file */
    public record Adopted(String path, String sha256, long size, How how, Change change, String previousSha256) {
    }

    /**
     * @param queued the dataset was not queued before and now is, as adopted
     * @param done   every file of the dataset is done now
     */
    public record Result(String datasetId, List<Adopted> files, List<String> problems, boolean queued, boolean done) {
    }

    private final Workspace workspace;

    public AdoptFiles(Workspace workspace) {
        this.workspace = workspace;
    }

    public Result adopt(String dataset, List<Path> paths, String project) {
        Store store = workspace.store();
        Optional<Job> existing = store.jobByDataset(dataset.strip());
        CatalogEntry entry = existing.isPresent() ? null : workspace.dataset(dataset);
        String id = existing.map(Job::datasetId).orElse(entry == null ? null : entry.id());
        if (existing.isEmpty()) {
            existing = store.jobByDataset(id);
        }
        List<AdoptPlan.Move> moves = AdoptPlan.of(workspace.root(), workspace.datasetDir(id), paths);
        Job job = existing.orElseGet(() -> store.addJob(adoptedJob(entry), project));
        List<Adopted> adopted = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (AdoptPlan.Move move : moves) {
            try {
                adopted.add(adoptOne(job, move));
            } catch (Refused e) {
                problems.add(move.relative() + ": " + e.getMessage());
            }
        }
        if (!adopted.isEmpty() && job.state() != JobState.ACTIVE) {
            store.setJobState(job.id(), JobState.ACTIVE);
        }
        Job now = store.job(job.id()).orElseThrow();
        return new Result(job.datasetId(), adopted, problems, existing.isEmpty(),
                QueueStatus.state(store, now).equals(FileState.DONE.label()));
    }

    private Adopted adoptOne(Job job, AdoptPlan.Move move) throws Refused {
        Store store = workspace.store();
        Optional<FileRecord> row = store.fileByPath(move.relative());
        if (row.isPresent()) {
            refuseForeign(job, row.get());
        }
        List<Checksum> expected = new ArrayList<>();
        String published = row.map(FileRecord::checksums).orElse(null);
        if (published != null && !published.isBlank()) {
            Arrays.stream(published.trim().split("\\s+")).map(Checksum::parse).forEach(expected::add);
        }
        if (!move.sourceUnchanged()) {
            throw new Refused("changed since medfetch looked at it (it is now a link, or another file); adopt it again");
        }
        Map<String, String> actual = VerifyFiles.digests(move.source(), expected);
        for (Checksum c : expected) {
            if (!c.hex().equals(actual.get(c.algorithm()))) {
                throw new Refused("does not match its published checksum " + c + " (" + c.algorithm() + " is "
                        + actual.get(c.algorithm()) + "); left as it was");
            }
        }
        String sha = actual.get("sha256");
        How how = AdoptCopy.bring(move, sha, row.map(r -> r.kind().equals("adopted")).orElse(false));
        long size = size(move.target());
        if (row.isEmpty()) {
            FileRecord added = store.addFile(job.id(), new NewFile("adopted", move.source().toUri().toString(),
                    move.relative(), size, null, null, null));
            store.finish(added.id(), sha, size);
            return new Adopted(move.relative(), sha, size, how, Change.ADDED, null);
        }
        FileRecord r = row.get();
        if (r.state() == FileState.DONE && sha.equals(r.sha256())) {
            return new Adopted(move.relative(), sha, size, how, Change.UNCHANGED, null);
        }
        store.finish(r.id(), sha, size);
        boolean changed = r.state() == FileState.DONE && r.sha256() != null;
        return new Adopted(move.relative(), sha, size, how, changed ? Change.CHANGED : Change.ADDED,
                changed ? r.sha256() : null);
    }

    /** A path recorded for another dataset, for a torrent, or being downloaded now is not for adoption. */
    private void refuseForeign(Job job, FileRecord r) throws Refused {
        if (r.jobId() != job.id()) {
            throw new Refused("already belongs to another dataset of this workspace");
        }
        if (r.kind().startsWith("torrent")) {
            throw new Refused("is a file of a torrent, which medfetch fetches and checks itself");
        }
        if (workspace.store().leased(r.id())) {
            throw new Refused("medfetch is downloading it right now; wait for it or pause it first");
        }
    }

    /** A catalog dataset adopted before it was queued: queued now, with its instructions when it has any. */
    private NewJob adoptedJob(CatalogEntry entry) {
        Classification c = workspace.resolvers().classify(entry);
        String instructions = null;
        if (c.linkClass() == LinkClass.MANUAL) {
            try {
                if (workspace.resolvers().resolve(entry) instanceof Resolution.Manual m) {
                    instructions = JobJson.instructions(m.instructions());
                }
            } catch (ResolveException e) {
                instructions = JobJson.instructions(new Instructions(e.getMessage(), List.of()));
            }
        }
        return new NewJob(entry.id(), entry.name(), entry.id(), entry.link(), c.resolver(), c.linkClass().label(),
                "catalog", entry.link(), JobState.ACTIVE, instructions, null, null);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** One file that cannot be adopted; the others still are. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }
}
