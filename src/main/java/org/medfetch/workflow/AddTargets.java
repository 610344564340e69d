package org.medfetch.workflow;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.engine.JobOptions;
import org.medfetch.engine.SafePath;
import org.medfetch.engine.TransferException;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Source;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.NewFile;
import org.medfetch.store.NewJob;

/**
 * The add use case: turns each target (catalog dataset, URL, magnet, .torrent file) into a resolution
 * and records it in the queue: files to fetch, or the steps a person must take.
 */
public final class AddTargets {

    private final Workspace workspace;
    private final TorrentTargets torrents;
    private final TargetResolver targets;

    public AddTargets(Workspace workspace) {
        this.workspace = workspace;
        this.torrents = new TorrentTargets(workspace);
        this.targets = new TargetResolver(workspace, torrents);
    }

    public List<AddResult> add(AddRequest request) {
        if (request.checksum() != null && request.targets().size() != 1) {
            throw new UsageException("--checksum applies to one file: give exactly one target");
        }
        Checksum checksum = parseChecksum(request.checksum(), null);
        List<AddResult> results = new ArrayList<>();
        for (String target : request.targets()) {
            results.add(addOne(target, request, checksum));
        }
        return results;
    }

    private AddResult addOne(String target, AddRequest request, Checksum given) {
        TargetOptions line = request.options(target);
        Checksum checksum = line.checksum() != null ? parseChecksum(line.checksum(), target) : given;
        TargetResolver.Resolved resolved;
        try {
            resolved = targets.resolve(target, request.torrent(), line.dataset());
        } catch (ResolveException e) {
            return new AddResult(target, null, e.retryable() ? Outcome.RETRYABLE : Outcome.FATAL, List.of(), null,
                    e.getMessage());
        }
        Resolution resolution = resolved.resolution();
        if (resolution instanceof Resolution.Unavailable u) {
            return new AddResult(target, resolved.datasetId(), Outcome.FATAL, List.of(), null,
                    resolved.datasetId() + " is unavailable: " + u.reason());
        }
        if (resolution instanceof Resolution.Manual m) {
            if (!request.dryRun()) {
                workspace.store().addJob(job(resolved, JobState.MANUAL, JobJson.instructions(m.instructions()), null,
                        null), request.project());
            }
            return new AddResult(target, resolved.datasetId(), Outcome.MANUAL, List.of(), m.instructions(), null);
        }
        Resolution.Fetch fetch = named((Resolution.Fetch) resolution, line.out(), target);
        List<Source> sources = select(fetch.sources(), request.files());
        boolean personNeeded = fetch.needsPerson().stream().anyMatch(path -> matches(path, request.files()));
        if (sources.isEmpty() && personNeeded) {
            if (!request.dryRun()) {
                workspace.store().addJob(job(resolved, JobState.MANUAL, JobJson.instructions(fetch.notes()), null,
                        null), request.project());
            }
            return new AddResult(target, resolved.datasetId(), Outcome.MANUAL, List.of(), fetch.notes(), null);
        }
        if (sources.isEmpty()) {
            return new AddResult(target, resolved.datasetId(), Outcome.FATAL, List.of(), null, "no file of "
                    + resolved.datasetId() + " matches --files " + request.files() + " (files: " + names(fetch.sources()) + ")");
        }
        if (checksum != null && (sources.size() != 1 || !(sources.get(0) instanceof Source.HttpSource))) {
            throw new UsageException("--checksum applies to one file, but " + target + " has " + sources.size());
        }
        try {
            for (Source source : sources) {
                if (source instanceof Source.TorrentSource torrent) {
                    torrents.checkRemote(torrent, resolved.datasetId());
                }
            }
            List<AddResult.PlannedFile> planned = plan(resolved.datasetId(), sources);
            if (!request.dryRun()) {
                queue(resolved, fetch, sources, planned, request, checksum);
            } else {
                planned = new RemoteSizes(workspace).fill(planned);
            }
            // Files a person must fetch (restricted ones) leave the dataset manual, exit 5, with their steps.
            return new AddResult(target, resolved.datasetId(), personNeeded ? Outcome.MANUAL : Outcome.SUCCESS, planned,
                    fetch.notes(), null, fetch.info());
        } catch (TransferException e) {
            return new AddResult(target, resolved.datasetId(), Outcome.FATAL, List.of(), null, e.getMessage());
        }
    }

    private List<AddResult.PlannedFile> plan(String datasetId, List<Source> sources) throws TransferException {
        Path folder = workspace.datasetDir(datasetId);
        List<AddResult.PlannedFile> planned = new ArrayList<>();
        for (Source source : sources) {
            // names a host hands out may exceed what a file system takes; medfetch shortens those it chooses
            String path = source instanceof Source.HttpSource ? SafePath.fittedPath(source.path()) : source.path();
            String relative = workspace.root().relativize(SafePath.resolve(folder, path)).toString()
                    .replace('\\', '/');
            if (source instanceof Source.HttpSource http) {
                planned.add(new AddResult.PlannedFile(relative, http.size(), http.url().toString(), false,
                        http.auth() != null));
            } else {
                planned.add(new AddResult.PlannedFile(relative, null, ((Source.TorrentSource) source).uri(), true, false));
            }
        }
        return planned;
    }

    private void queue(TargetResolver.Resolved resolved, Resolution.Fetch fetch, List<Source> sources,
                       List<AddResult.PlannedFile> planned, AddRequest request, Checksum checksum) throws TransferException {
        JobOptions options = new JobOptions(request.files(), request.torrent());
        Job job = workspace.store().addJob(job(resolved, JobState.ACTIVE, JobJson.instructions(fetch.notes()),
                options.toJson(), JobJson.info(fetch.info())), request.project());
        if (request.extract() != null) {
            workspace.store().extractions().setSettings(job.id(), JobJson.extract(request.extract()));
        }
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            String path = planned.get(i).path();
            if (source instanceof Source.HttpSource http) {
                List<Checksum> sums = new ArrayList<>(http.checksums());
                if (checksum != null) {
                    sums.add(checksum);
                }
                String joined = sums.isEmpty() ? null : String.join(" ", sums.stream().map(Checksum::toString).toList());
                workspace.store().addFile(job.id(), new NewFile("http", http.url().toString(), path, http.size(), joined,
                        http.auth(), null, resolved.serverNamed()));
            } else {
                Source.TorrentSource torrent = (Source.TorrentSource) source;
                torrents.queued(workspace.store().addFile(job.id(), new NewFile("torrent", torrent.uri(), path, null,
                        null, null, null)), torrent);
            }
        }
        writeSidecars(resolved.datasetId(), fetch.sidecars());
    }

    private void writeSidecars(String datasetId, Map<String, String> sidecars) throws TransferException {
        for (Map.Entry<String, String> sidecar : sidecars.entrySet()) {
            Path file = SafePath.resolve(workspace.datasetDir(datasetId), sidecar.getKey());
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, sidecar.getValue());
            } catch (IOException e) {
                throw new TransferException(TransferException.Kind.IO, true, "cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    private static NewJob job(TargetResolver.Resolved r, JobState state, String instructions, String options,
                              String metadata) {
        CatalogEntry e = r.entry();
        return new NewJob(r.datasetId(), e.name(), r.target(), e.link(), r.resolver(), r.linkClass(), r.sourceKind(),
                r.sourceLink(), state, instructions, options, metadata);
    }

    /** Sources whose path (or file name) matches the glob; torrents keep the glob for their own files. */
    private static List<Source> select(List<Source> sources, String glob) {
        if (glob == null) {
            return sources;
        }
        return sources.stream().filter(s -> s instanceof Source.TorrentSource || matches(s.path(), glob)).toList();
    }

    /** Whether a file's path (or name) matches --files; every file does without one. */
    private static boolean matches(String path, String glob) {
        if (glob == null) {
            return true;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return matcher.matches(Path.of(path)) || matcher.matches(Path.of(path).getFileName());
    }

    private static String names(List<Source> sources) {
        return String.join(", ", sources.stream().map(Source::path).limit(10).toList())
                + (sources.size() > 10 ? ", ..." : "");
    }

    private static Checksum parseChecksum(String text, String target) {
        try {
            return text == null ? null : Checksum.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException((target == null ? "--checksum: " : target + ": checksum=: ") + e.getMessage());
        }
    }

    /** The fetch with its single file named {@code out} (an input file's out=), or as it was without one. */
    private static Resolution.Fetch named(Resolution.Fetch fetch, String out, String target) {
        if (out == null) {
            return fetch;
        }
        if (fetch.sources().size() != 1 || !(fetch.sources().get(0) instanceof Source.HttpSource http)) {
            throw new UsageException(target + ": out= names one file, but it has " + fetch.sources().size()
                    + " (use --files to pick some)");
        }
        if (SafePath.fileName(out) == null || !SafePath.fileName(out).equals(out)) {
            throw new UsageException(target + ": out=" + out + " is not a plain file name");
        }
        return new Resolution.Fetch(List.of(new Source.HttpSource(http.url(), out, http.size(), http.checksums(),
                http.auth())), fetch.notes(), fetch.info(), fetch.sidecars(), fetch.needsPerson());
    }

    static URI uri(String text) {
        return org.medfetch.resolve.Resolvers.parse(text)
                .orElseThrow(() -> new UsageException("'" + text + "' is not a valid URL"));
    }
}
