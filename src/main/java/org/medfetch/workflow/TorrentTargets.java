package org.medfetch.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.torrent.LocalTorrent;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.MagnetLink;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Source;
import org.medfetch.resolve.TorrentOptions;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Job;

/**
 * What {@code add} knows about the torrents it is given. A torrent is one dataset whatever names it: a
 * relative or an absolute path to its file, or a magnet of its info-hash, all find the dataset it was
 * first queued as. A local .torrent is read and checked before it is queued, as its download will check
 * it; a bad one, like a bad magnet, is the user's input to fix (a usage error).
 */
final class TorrentTargets {

    private final Workspace workspace;
    /** The local .torrent files read by this add, by path and by info-hash. */
    private final Map<String, LocalTorrent> read = new HashMap<>();
    private final Map<String, LocalTorrent> byInfoHash = new HashMap<>();
    /** The .torrent files fetched from URLs by this add, by URL. */
    private final Map<String, LocalTorrent> fetched = new HashMap<>();
    /** How long fetching a .torrent at add may take before it is left to the download. */
    private static final java.time.Duration FETCH_TIMEOUT = java.time.Duration.ofSeconds(30);

    TorrentTargets(Workspace workspace) {
        this.workspace = workspace;
    }

    static MagnetLink magnet(String text) {
        try {
            return MagnetLink.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad magnet link: " + e.getMessage());
        }
    }

    /** The info-hash of a local .torrent, once it has been read and its metainfo checked. */
    String infoHash(Path file) {
        return local(file).infoHash();
    }

    /** Checks where a local .torrent's files would go in the dataset, and that --files matches some. */
    void checkLayout(Path file, TorrentOptions options, String datasetId) {
        try {
            local(file).checkLayout(options == null ? null : options.files(), workspace.datasetDir(datasetId));
        } catch (TransferException e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
    }

    /**
     * Fetches a .torrent that a URL serves and checks it as a download will (its bencode, pieces, every
     * path, the --files glob), so that a hostile or missing one is refused before it is queued. When it
     * cannot be fetched now (a retryable failure), the download fetches it later, as before.
     *
     * @throws TransferException what is wrong with the torrent, or why the URL serves none (not retryable)
     */
    void checkRemote(Source.TorrentSource source, String datasetId) throws TransferException {
        if (!isHttp(source.uri()) || fetched.containsKey(source.uri())) {
            return;
        }
        LocalTorrent torrent;
        try {
            torrent = LocalTorrent.fetch(workspace.http(), source.uri(), FETCH_TIMEOUT);
        } catch (TransferException e) {
            if (!e.retryable()) {
                throw e; // no valid torrent there (not bencode, hostile, 404): nothing to queue
            }
            return; // not reachable now (a server down, a network error): the run fetches it
        }
        torrent.checkLayout(source.options() == null ? null : source.options().files(),
                workspace.datasetDir(datasetId));
        fetched.put(source.uri(), torrent);
        byInfoHash.put(torrent.infoHash(), torrent);
    }

    private static boolean isHttp(String uri) {
        return uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8);
    }

    /**
     * The dataset a torrent of this info-hash is queued as, resolved as it was (its notes kept; its info
     * too, which adding again only ever adds to), with today's options.
     */
    Optional<TargetResolver.Resolved> known(String infoHash, TorrentOptions options) {
        Optional<FileRecord> row = workspace.store().torrentByInfoHash(infoHash);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Job job = workspace.store().job(row.get().jobId()).orElseThrow();
        String prefix = "downloads/" + job.datasetId() + "/";
        String path = row.get().path().startsWith(prefix) ? row.get().path().substring(prefix.length()) : job.datasetId();
        CatalogEntry entry = new CatalogEntry(job.datasetId(), job.name(), null, null, null, null, null, job.link(), 0);
        return Optional.of(new TargetResolver.Resolved(job.target(), job.datasetId(), entry, job.resolver(),
                job.linkClass(), job.source(), job.sourceLink(),
                new Resolution.Fetch(List.of(new Source.TorrentSource(row.get().url(), path, options)),
                        JobJson.instructions(job.instructions()), DatasetInfo.NONE, Map.of()), false));
    }

    /**
     * After a torrent was queued: records its info-hash (so that it is found again however it is named)
     * and keeps a local .torrent's metadata beside the state, so later runs need neither the file nor
     * peers to send it.
     */
    void queued(FileRecord row, Source.TorrentSource source) {
        String infoHash;
        if (MagnetLink.isMagnet(source.uri())) {
            infoHash = magnet(source.uri()).infoHash();
        } else if (read.containsKey(source.uri())) {
            infoHash = read.get(source.uri()).infoHash();
        } else if (fetched.containsKey(source.uri())) {
            infoHash = fetched.get(source.uri()).infoHash();
        } else {
            return; // a .torrent URL that could not be fetched at add: a run fetches it
        }
        LocalTorrent torrent = byInfoHash.get(infoHash);
        if (torrent != null) {
            try {
                torrent.keep(workspace.root().resolve("downloads"));
            } catch (IOException e) {
                // only a convenience: a run reads the torrent itself
            }
        }
        if (row.infoHash() == null) {
            workspace.store().saveTorrent(row.id(), infoHash, row.size(), row.piecesTotal());
        }
    }

    private LocalTorrent local(Path file) {
        LocalTorrent torrent = read.get(file.toString());
        if (torrent == null) {
            try {
                torrent = LocalTorrent.read(file);
            } catch (TransferException e) {
                throw new UsageException(e.getMessage());
            }
            read.put(file.toString(), torrent);
            byInfoHash.put(torrent.infoHash(), torrent);
        }
        return torrent;
    }
}
