package org.medfetch.workflow;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.DatasetIds;
import org.medfetch.engine.SafePath;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.MagnetLink;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Source;
import org.medfetch.resolve.TorrentOptions;
import org.medfetch.resolve.mirrors.MirrorSources;
import org.medfetch.resolve.web.LinkShape;

/**
 * Decides what a target is (catalog dataset, URL, magnet, local .torrent) and resolves it through the
 * one registry of hosts, like a catalog link: a Zenodo record, a Baidu share, a magnet, a data file, a
 * page. A URL's dataset id is its file name without extension, a magnet's its name or info-hash.
 */
final class TargetResolver {

    /**
     * @param sourceKind "catalog" or "url"
     * @param serverNamed the file name is a guess from the URL; the server may choose a better one
     */
    record Resolved(String target, String datasetId, CatalogEntry entry, String resolver, String linkClass,
                    String sourceKind, String sourceLink, Resolution resolution, boolean serverNamed) {
    }

    private final Workspace workspace;
    private final UniqueIds ids;
    private final TorrentTargets torrents;

    TargetResolver(Workspace workspace, TorrentTargets torrents) {
        this.workspace = workspace;
        this.ids = new UniqueIds(workspace);
        this.torrents = torrents;
    }

    /** @param dataset the dataset id an input file chose for a URL or torrent (dataset=), or null */
    Resolved resolve(String target, TorrentOptions torrent, String dataset) throws ResolveException {
        String text = target.strip();
        if (dataset != null && !MagnetLink.isMagnet(text) && !text.regionMatches(true, 0, "http://", 0, 7)
                && !text.regionMatches(true, 0, "https://", 0, 8) && !text.toLowerCase(Locale.ROOT).endsWith(".torrent")) {
            throw new UsageException(text + ": dataset= names the folder of a URL or torrent; a catalog dataset has its "
                    + "own id");
        }
        if (MagnetLink.isMagnet(text)) {
            MagnetLink magnet = TorrentTargets.magnet(text);
            Optional<Resolved> known = torrents.known(magnet.infoHash(), torrent);
            if (known.isPresent()) {
                return known.get();
            }
            String name = magnet.displayName() != null ? magnet.displayName() : magnet.infoHash();
            String safe = SafePath.fileName(name);
            String id = dataset != null ? chosen(dataset) : ids.pick(safe != null ? safe : magnet.infoHash(), text);
            return adHoc(text, entry(id, name, text), torrent);
        }
        if (text.regionMatches(true, 0, "http://", 0, 7) || text.regionMatches(true, 0, "https://", 0, 8)) {
            URI uri = AddTargets.uri(text);
            String fileName = SafePath.fileName(LinkShape.fileName(uri));
            String id = dataset != null ? chosen(dataset)
                    : ids.pick(fileName != null ? stem(fileName) : Resolvers.host(uri), text);
            return adHoc(text, entry(id, fileName != null ? fileName : Resolvers.host(uri), text), torrent);
        }
        if (text.toLowerCase(Locale.ROOT).endsWith(".torrent") && Files.isRegularFile(Path.of(text))) {
            Path file = Path.of(text).toAbsolutePath().normalize();
            Optional<Resolved> known = torrents.known(torrents.infoHash(file), torrent);
            Resolved resolved = known.isPresent() ? known.get() : adHoc(file.toString(), entry(ids.pick(
                    stem(file.getFileName().toString()), file.toString()), file.getFileName().toString(),
                    file.toUri().toString()), torrent);
            torrents.checkLayout(file, torrent, resolved.datasetId());
            return resolved;
        }
        Optional<UsageException> scheme = TargetMistakes.unknownScheme(text);
        if (scheme.isPresent()) {
            throw scheme.get();
        }
        CatalogEntry entry;
        try {
            entry = workspace.dataset(text);
        } catch (UsageException notInCatalog) {
            throw TargetMistakes.notADataset(text).orElse(notInCatalog);
        }
        return catalog(entry, torrent);
    }

    /**
     * A dataset id an input file chose (dataset=): a plain folder name that no catalog dataset and no
     * dataset queued from the catalog uses; URLs may share it.
     */
    private String chosen(String dataset) {
        String id = SafePath.fileName(dataset.strip());
        if (id == null || !id.equals(dataset.strip()) || !DatasetIds.bounded(id).equals(id)) {
            throw new UsageException("dataset=" + dataset + " is not a plain folder name (at most "
                    + DatasetIds.MAX_ID + " characters, no '/')");
        }
        boolean catalog = workspace.catalog().entries().stream().anyMatch(e -> e.id().equals(id))
                || workspace.hasQueue() && workspace.store().jobByDataset(id)
                .map(j -> !"url".equals(j.source())).orElse(false);
        if (catalog) {
            throw new UsageException("dataset=" + id + " is a catalog dataset's id; choose another folder name");
        }
        return id;
    }

    /**
     * A URL, magnet or .torrent file given on the command line: the same registry as catalog links decides
     * what it is. A single file named by a guess (no extension) may be renamed by the server.
     */
    private Resolved adHoc(String target, CatalogEntry entry, TorrentOptions torrent) throws ResolveException {
        Resolution resolution = withTorrentOptions(workspace.resolvers().resolve(entry), torrent);
        Classification c = workspace.resolvers().classify(entry);
        boolean guessed = resolution instanceof Resolution.Fetch fetch && fetch.sources().size() == 1
                && fetch.sources().get(0) instanceof Source.HttpSource http && !http.path().contains(".");
        return new Resolved(target, entry.id(), entry, c.resolver(), c.linkClass().label(), "url", target, resolution,
                guessed);
    }

    /**
     * A catalog dataset: its usable mirrors first (primary, then alternatives, the next one when one fails
     * for good), then its own link. Manual steps gain the dataset's notes and the mirrors that were not
     * used.
     */
    private Resolved catalog(CatalogEntry entry, TorrentOptions torrent) throws ResolveException {
        List<String> tried = new ArrayList<>();
        for (MirrorSources.Candidate mirror : workspace.mirrors().candidates(entry)) {
            if (!mirror.usable()) {
                continue;
            }
            try {
                Resolution r = workspace.mirrors().resolve(entry, mirror);
                if (r instanceof Resolution.Fetch) {
                    return new Resolved(entry.id(), entry.id(), entry, "mirror", mirror.linkClass().label(), "mirror",
                            mirror.link(), withTorrentOptions(r, torrent), false);
                }
                tried.add(mirror.label() + ": " + describe(r));
            } catch (ResolveException e) {
                if (e.retryable()) {
                    throw e;
                }
                tried.add(mirror.label() + ": " + e.getMessage());
            }
        }
        Classification c = workspace.resolvers().classify(entry);
        Resolution resolution = withTorrentOptions(workspace.resolvers().resolve(entry), torrent);
        if (resolution instanceof Resolution.Manual m) {
            resolution = new Resolution.Manual(withNotes(entry, m.instructions(), tried));
        }
        return new Resolved(entry.id(), entry.id(), entry, c.resolver(), c.linkClass().label(), "catalog", entry.link(),
                resolution, false);
    }

    /** Manual steps plus what is known about the dataset and the sources not used automatically. */
    private Instructions withNotes(CatalogEntry entry, Instructions instructions, List<String> tried) {
        List<String> steps = new ArrayList<>(instructions.steps());
        workspace.notes().forDataset(entry.name()).forEach(n -> steps.add("Note: " + n.text() + " (" + n.source() + ")"));
        tried.forEach(t -> steps.add("Mirror tried: " + t));
        workspace.mirrors().candidates(entry).stream().filter(m -> !m.usable()).forEach(m -> steps.add(
                "Other source, not used automatically (" + m.use().label() + "): " + m.label() + " " + m.link()));
        return new Instructions(instructions.summary(), steps);
    }

    private static String describe(Resolution r) {
        return r instanceof Resolution.Unavailable u ? u.reason()
                : "needs a person: " + ((Resolution.Manual) r).instructions().summary();
    }

    /** Torrent sources get the user's torrent options (resolvers know only the torrent itself). */
    private static Resolution withTorrentOptions(Resolution resolution, TorrentOptions torrent) {
        if (!(resolution instanceof Resolution.Fetch fetch)) {
            return resolution;
        }
        List<Source> sources = fetch.sources().stream().map(s -> s instanceof Source.TorrentSource t
                ? (Source) new Source.TorrentSource(t.uri(), t.path() != null ? t.path() : "torrent", torrent) : s).toList();
        return new Resolution.Fetch(sources, fetch.notes(), fetch.info(), fetch.sidecars(), fetch.needsPerson());
    }

    /** A file name without its extension; compound extensions such as .tar.gz count as one. */
    static String stem(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String compound : List.of(".tar.gz", ".tar.bz2", ".tar.xz", ".nii.gz")) {
            if (lower.endsWith(compound) && lower.length() > compound.length()) {
                return fileName.substring(0, fileName.length() - compound.length());
            }
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static CatalogEntry entry(String id, String name, String link) {
        return new CatalogEntry(id, DatasetIds.boundedName(name), null, null, null, null, null, link, 0);
    }
}
