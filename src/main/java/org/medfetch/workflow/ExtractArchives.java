package org.medfetch.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.medfetch.extract.ArchiveFormat;
import org.medfetch.extract.ExtractException;
import org.medfetch.extract.ExtractLimits;
import org.medfetch.extract.Extracted;
import org.medfetch.extract.Extractor;
import org.medfetch.store.Extraction;
import org.medfetch.store.ExtractionStore;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;

/**
 * The extract use case: unpacks the finished archives of jobs beside themselves and records what each
 * wrote. An archive whose recorded extraction is still intact is left alone; a refused archive stays
 * downloaded and done.
 */
public final class ExtractArchives {

    /** What happened to one archive. */
    public enum Status { EXTRACTED, ALREADY_EXTRACTED, REFUSED, FAILED }

    /**
     * @param archive the archive, relative to the workspace
     * @param folder  where its contents are (relative to the workspace), or null when not unpacked
     * @param message why it was refused or failed, or null
     */
    public record Result(String archive, String folder, Status status, int entries, long size, List<String> notes,
                         String message, Outcome outcome) {
    }

    private static final Set<String> KINDS = Set.of("http", "torrent-file", "adopted");

    private final Workspace workspace;
    private final Extractor extractor;

    public ExtractArchives(Workspace workspace) {
        this.workspace = workspace;
        this.extractor = new Extractor(workspace.freeSpace());
    }

    /**
     * @param request how to unpack every job's archives, or null to unpack only the jobs added with
     *                --extract, each as it was added
     * @param limits  the limits of this run (with a null request)
     */
    public List<Result> extract(Collection<Job> jobs, ExtractRequest request, ExtractLimits limits,
                                BooleanSupplier stop) {
        ExtractionStore extractions = workspace.store().extractions();
        List<Result> results = new ArrayList<>();
        for (Job job : jobs) {
            ExtractRequest asked = request != null ? request
                    : extractions.settings(job.id()).map(json -> JobJson.extract(json, limits)).orElse(null);
            if (asked == null) {
                continue;
            }
            for (FileRecord f : workspace.store().files(job.id())) {
                if (f.state() == FileState.DONE && f.sha256() != null && KINDS.contains(f.kind()) && !stop.getAsBoolean()) {
                    archive(f, asked, stop).ifPresent(results::add);
                }
            }
        }
        return results;
    }

    /** The worst outcome of a set of results (SUCCESS for none). */
    public static Outcome outcome(List<Result> results) {
        return results.stream().map(Result::outcome).reduce(Outcome.SUCCESS, Outcome::worse);
    }

    private Optional<Result> archive(FileRecord f, ExtractRequest request, BooleanSupplier stop) {
        ExtractionStore extractions = workspace.store().extractions();
        Path archive = workspace.root().resolve(f.path());
        ArchiveFormat.Verdict verdict = ArchiveFormat.of(archive.getFileName().toString());
        if (verdict instanceof ArchiveFormat.Keep) {
            return Optional.empty();
        }
        if (verdict instanceof ArchiveFormat.Unsupported u) {
            return Optional.of(failed(f, Status.REFUSED, u.why(), Outcome.FATAL));
        }
        Optional<Extraction> before = extractions.of(f.id());
        if (before.isPresent() && intact(before.get())) {
            Extraction e = before.get();
            return Optional.of(new Result(f.path(), e.folder(), Status.ALREADY_EXTRACTED, e.entries(), e.size(),
                    List.of(), null, Outcome.SUCCESS));
        }
        if (!Files.isRegularFile(archive)) {
            return Optional.of(failed(f, Status.FAILED, "the archive is gone" + (before.isPresent()
                    ? " (removed after extraction) and its unpacked files changed; fetch it again: medfetch retry" : ""),
                    Outcome.FATAL));
        }
        try {
            if (before.isPresent()) {
                Extractor.remove(workspace.root().resolve(before.get().folder()));
                extractions.forget(f.id());
            }
            Extracted done = extractor.extract(archive, new Extractor.Options(request.limits(), request.hash()), stop);
            String prefix = workspace.root().relativize(archive.getParent()).toString().replace('\\', '/') + "/";
            String folder = prefix + ((ArchiveFormat.Archive) verdict).folder();
            List<Extraction.File> files = done.files().stream()
                    .map(x -> new Extraction.File(prefix + x.path(), x.size(), x.sha256())).toList();
            extractions.save(f.id(), new Extraction(folder, done.entries(), done.bytes(), request.hash(), false,
                    done.notes().isEmpty() ? null : String.join("\n", done.notes()), workspace.clock().instant(), files));
            if (request.removeArchive()) {
                Files.delete(archive);
                extractions.archiveRemoved(f.id());
            }
            return Optional.of(new Result(f.path(), folder, Status.EXTRACTED, done.entries(), done.bytes(), done.notes(),
                    null, Outcome.SUCCESS));
        } catch (ExtractException e) {
            return Optional.of(failed(f, e.retryable() ? Status.FAILED : Status.REFUSED, e.getMessage(),
                    e.retryable() ? Outcome.RETRYABLE : Outcome.FATAL));
        } catch (IOException e) {
            return Optional.of(failed(f, Status.FAILED, e.getMessage(), Outcome.RETRYABLE));
        }
    }

    /** The recorded folder is there, and every recorded file with its recorded size. */
    private boolean intact(Extraction e) {
        Path root = workspace.root();
        if (!Files.exists(root.resolve(e.folder()), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        for (Extraction.File f : e.files()) {
            Path file = root.resolve(f.path());
            try {
                if (!Files.isRegularFile(file) || Files.size(file) != f.size()) {
                    return false;
                }
            } catch (IOException gone) {
                return false;
            }
        }
        return true;
    }

    private static Result failed(FileRecord f, Status status, String message, Outcome outcome) {
        return new Result(f.path(), null, status, 0, 0, List.of(), message, outcome);
    }
}
