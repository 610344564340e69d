package org.medfetch.engine.torrent;

import bt.data.file.FileSystemStorage;
import bt.magnet.MagnetUri;
import bt.metainfo.Torrent;
import bt.metainfo.TorrentId;
import bt.runtime.BtClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.medfetch.engine.Checkpoints;
import org.medfetch.engine.CompletedFile;
import org.medfetch.engine.Progress;
import org.medfetch.engine.Transfer;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;
import org.medfetch.engine.TransferStopped;
import org.medfetch.engine.TransferTask;
import org.medfetch.engine.http.HttpRanges;
import org.medfetch.resolve.MagnetLink;
import org.medfetch.resolve.Source.TorrentSource;
import org.medfetch.resolve.TorrentOptions;
import org.medfetch.store.FileRecord;

/**
 * Downloads a torrent (magnet, .torrent URL or file) into its dataset folder with bt-core, the only
 * class outside this package that knows bt exists. Each attempt builds its own bt runtime; bt re-checks
 * the data on disk when it starts, so an attempt after a crash fetches only the missing pieces.
 */
public final class TorrentTransfer implements Transfer<TorrentSource> {

    private final TorrentSettings settings;
    private final HttpRanges http;
    private final LongSupplier clock;

    /** @param http medfetch's HTTP client, for .torrent URLs and web seeds (so proxies apply to them) */
    public TorrentTransfer(TorrentSettings settings, HttpRanges http) {
        this(settings, http, System::nanoTime);
    }

    /** @param clock nanoseconds, monotonic: what the stall watchdogs measure time with */
    TorrentTransfer(TorrentSettings settings, HttpRanges http, LongSupplier clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /** Reports through {@code progress} as it goes; the engine reports how the attempt ended. */
    @Override
    public List<CompletedFile> fetch(TransferTask<TorrentSource> task, Progress progress)
            throws TransferException, TransferStopped {
        TorrentOptions options = task.source().options() == null ? TorrentOptions.DEFAULTS : task.source().options();
        SavedMetadata saved = new SavedMetadata(task.datasetDir().getParent().resolve(".medfetch").resolve("torrents"));
        MetainfoReader reader = new MetainfoReader(saved, http, settings.httpTimeout());
        MetainfoReader.Input input = reader.read(task.source().uri(), task.checkpoints().record().infoHash());
        ExplicitPeers peers = ExplicitPeers.parse(concat(options.peers(), input.peers()));
        List<String> trackers = checked(concat(options.trackers(), input.trackers()));
        Torrent torrent = input.torrent();
        task.stop().check();
        if (torrent == null) {
            torrent = fetchMetadata(task, progress, input, options, peers, trackers, saved, reader);
        }
        Selection selection = Selection.of(torrent, options.files(), task.datasetDir());
        Map<Path, FileRecord> rows = record(task.checkpoints(), input.infoHash(), selection, task.datasetDir());
        progress.started(task.fileId(), torrent.getName(), selection.selectedSize(), 0);
        List<String> webSeeds = concat(options.webSeeds(), input.webSeeds());
        boolean peerSources = !peers.isEmpty() || !trackers.isEmpty() || torrent.getAnnounceKey().isPresent();
        try (FinishedFiles finished = new FinishedFiles(task.checkpoints(), rows)) {
            TorrentRuntime runtime = TorrentRuntime.start(settings, options, peers, task.options().uploadRate());
            runtime.addTrackers(input.infoHash(), torrent, trackers);
            try {
                new Session(settings, task, options, progress, torrent, selection, finished, clock,
                        new Session.Sources(webSeeds, http, peerSources)).run(runtime);
            } catch (TransferException e) {
                finished.settle();
                throw e;
            }
            progress.status(task.fileId(), "verifying");
            List<CompletedFile> files = finished.all();
            selection.removeSkipped();
            return files;
        } catch (IOException e) {
            throw new TransferException(Kind.IO, true, "cannot remove the files left out by --files: " + e.getMessage(),
                    null, e);
        }
    }

    /**
     * Asks peers for a magnet's metadata, saves it as a .torrent beside the state and returns it as read
     * back from there, so this attempt and every later one use the very same bytes.
     */
    private Torrent fetchMetadata(TransferTask<TorrentSource> task, Progress progress, MetainfoReader.Input input,
                                  TorrentOptions options, ExplicitPeers peers, List<String> trackers,
                                  SavedMetadata saved, MetainfoReader reader) throws TransferException, TransferStopped {
        if (peers.isEmpty() && trackers.isEmpty()) {
            throw new TransferException(Kind.BAD_INPUT, false, "the magnet link names no tracker (tr=) and no peer "
                    + "(x.pe=) to get its metadata from (web seeds do not serve it, and medfetch does not use the "
                    + "DHT): add --tracker URL or --peer HOST:PORT, or add the .torrent file");
        }
        progress.status(task.fileId(), "fetching metadata from peers");
        TorrentRuntime runtime = TorrentRuntime.start(settings, options, peers, task.options().uploadRate());
        runtime.addTrackers(input.infoHash(), null, trackers);
        AtomicReference<Torrent> metadata = new AtomicReference<>();
        BtClient client = runtime.metadataClient(metadata::set)
                .storage(new FileSystemStorage(saved.path(input.infoHash()).getParent()))
                .magnet(peers.addTo(MagnetUri.torrentId(TorrentId.fromBytes(HexFormat.of().parseHex(input.infoHash()))))
                        .buildUri())
                .build();
        StallWatchdog watchdog = new StallWatchdog(settings.stallTimeout(), 0, clock);
        CompletableFuture<?> bt = client.startAsync();
        try {
            long lastSaved = System.nanoTime();
            while (metadata.get() == null) {
                Thread.sleep(settings.poll().toMillis());
                if (System.nanoTime() - lastSaved >= settings.checkpoint().toNanos()) {
                    lastSaved = System.nanoTime();
                    task.checkpoints().savePieces(0); // nothing fetched yet; hears a pause or cancel meanwhile
                }
                task.stop().check();
                if (metadata.get() == null && bt.isDone()) {
                    throw new TransferException(Kind.NETWORK, true, "the torrent client stopped before any peer sent "
                            + "the metadata of " + input.infoHash());
                }
                if (watchdog.stalled()) {
                    throw new TransferException(Kind.STALLED, true, "no peer sent the metadata of " + input.infoHash()
                            + " in " + settings.stallTimeout().toSeconds() + " s; will retry");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException(Kind.IO, true, "interrupted while fetching metadata");
        } finally {
            runtime.shutdown();
        }
        try {
            saved.saveInfo(input.infoHash(), metadata.get().getSource().getExchangedMetadata());
        } catch (IOException e) {
            throw new TransferException(Kind.IO, true, "cannot save the torrent's metadata: " + e.getMessage(), null, e);
        }
        return reader.parse(saved.load(input.infoHash()).orElseThrow(), saved.path(input.infoHash()).toString());
    }

    /**
     * Records the torrent and each selected file in the store (a file selected by an earlier attempt but
     * not now is forgotten), and returns the row of each selected file by its absolute path.
     */
    private static Map<Path, FileRecord> record(Checkpoints checkpoints, String infoHash, Selection selection,
                                                Path datasetDir) {
        checkpoints.saveTorrent(infoHash, selection.selectedSize(), selection.piecesTotal());
        Path workspace = datasetDir.toAbsolutePath().getParent().getParent();
        Map<Path, FileRecord> rows = new HashMap<>();
        for (Selection.Entry e : selection.selected()) {
            rows.put(e.path(), checkpoints.addTorrentFile(slashes(workspace.relativize(e.path())), e.size()));
        }
        long self = checkpoints.record().id();
        for (FileRecord child : checkpoints.torrentFiles()) {
            if (child.id() != self && rows.values().stream().noneMatch(r -> r.id() == child.id())) {
                checkpoints.forgetTorrentFile(child.id());
            }
        }
        return rows;
    }

    private static String slashes(Path relative) {
        return StreamSupport.stream(relative.spliterator(), false).map(Path::toString).collect(Collectors.joining("/"));
    }

    /** Trackers bt can be given: it throws on a "URL" without a scheme (a job queued before they were checked). */
    private static List<String> checked(List<String> trackers) throws TransferException {
        for (String tracker : trackers) {
            try {
                MagnetLink.tracker(tracker);
            } catch (IllegalArgumentException e) {
                throw new TransferException(Kind.BAD_INPUT, false, e.getMessage());
            }
        }
        return trackers;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(x -> !all.contains(x)).forEach(all::add);
        return all;
    }
}
