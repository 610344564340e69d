package org.medfetch.engine.torrent;

import bt.data.LocalBitfield;
import bt.data.file.FileSystemStorage;
import bt.metainfo.Torrent;
import bt.runtime.BtClient;
import bt.torrent.TorrentSessionState;
import bt.torrent.selector.RarestFirstSelector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.medfetch.engine.Progress;
import org.medfetch.engine.RetryPolicy;
import org.medfetch.engine.TorrentSources;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;
import org.medfetch.engine.TransferStopped;
import org.medfetch.engine.TransferTask;
import org.medfetch.engine.http.HttpRanges;
import org.medfetch.resolve.Source.TorrentSource;
import org.medfetch.resolve.TorrentOptions;

/**
 * One run of a bt client over a torrent whose metadata is known: re-checks what is on disk, fetches the
 * selected pieces from peers and web seeds together, seeds if asked, and stops. medfetch decides when it
 * is done (bt does not say so when files are skipped), records pieces and their sources as they come,
 * and watches for stalls and stop requests.
 */
final class Session {

    /**
     * Where pieces may come from besides bt's peers.
     *
     * @param webSeeds    the torrent's web seeds (url-list, ws=)
     * @param http        how web seeds are fetched
     * @param peerSources whether any tracker or peer is known: without one, a download whose web seeds were
     *                    all dropped cannot go on and ends at once
     */
    record Sources(List<String> webSeeds, HttpRanges http, boolean peerSources) {
    }

    private final TorrentSettings settings;
    private final TransferTask<TorrentSource> task;
    private final Progress progress;
    private final TorrentOptions options;
    private final Torrent torrent;
    private final Selection selection;
    private final FinishedFiles finished;
    private final AtomicReference<TorrentSessionState> state = new AtomicReference<>();
    private final AtomicBoolean filesChosen = new AtomicBoolean();
    private final LongSupplier clock;
    private final Sources sources;
    private WebSeeds seeds;
    private SourceLedger ledger;
    /** Nothing of the torrent was on disk when this attempt began. */
    private boolean startedEmpty;
    private int lastDone = -1;
    private long lastSaved;
    private int recorded;

    Session(TorrentSettings settings, TransferTask<TorrentSource> task, TorrentOptions options, Progress progress,
            Torrent torrent, Selection selection, FinishedFiles finished, LongSupplier clock, Sources sources) {
        this.settings = settings;
        this.task = task;
        this.options = options;
        this.progress = progress;
        this.torrent = torrent;
        this.selection = selection;
        this.finished = finished;
        this.clock = clock;
        this.sources = sources;
    }

    /** Returns once every selected piece is verified on disk and seeding is over; the runtime is stopped. */
    void run(TorrentRuntime runtime) throws TransferException, TransferStopped {
        PieceClaims claims = new PieceClaims();
        GuardedStorage storage = new GuardedStorage(new FileSystemStorage(task.datasetDir()), torrent, claims);
        seeds = new WebSeeds(sources.webSeeds(), torrent, claims, storage, sources.http(), task.options().timeout(),
                task.options().rate(), RetryPolicy.defaults(), task.options().connections(),
                reason -> progress.status(task.fileId(), reason));
        BtClient client = runtime.client()
                .storage(storage)
                .torrent(() -> torrent)
                .selector(claims.selector(RarestFirstSelector.randomizedRarest()))
                .fileSelector(selection::priority)
                .afterFilesChosen(() -> filesChosen.set(true))
                .afterFileDownloaded((t, file, files) -> {
                    Selection.Entry entry = selection.entry(file);
                    if (entry != null) {
                        finished.completed(entry.path());
                    }
                })
                .build();
        StallWatchdog watchdog = new StallWatchdog(settings.stallTimeout(),
                (long) settings.stallPieces() * torrent.getChunkSize(), clock);
        long onDisk = selection.bytesOnDisk();
        startedEmpty = onDisk == 0;
        if (onDisk > 0) {
            // bt re-hashes existing data before it reports anything; give it the time that takes
            progress.status(task.fileId(), "re-checking pieces");
            watchdog.allow(Duration.ofSeconds(onDisk / settings.recheckRate()));
        }
        Integer before = task.checkpoints().record().piecesDone();
        recorded = before == null ? 0 : before;
        CompletableFuture<?> bt = client.startAsync(state::set, settings.poll().toMillis());
        try {
            download(runtime, bt, watchdog);
            seed(bt);
        } finally {
            seeds.close();
            if (ledger != null) {
                task.checkpoints().saveSources(ledger.now(Math.max(0, lastDone), peers(), seeds));
            }
            if (!runtime.shutdown()) {
                progress.status(task.fileId(), "bt did not stop in time; its runtime was abandoned");
            }
        }
    }

    private void download(TorrentRuntime runtime, CompletableFuture<?> bt, StallWatchdog watchdog)
            throws TransferException, TransferStopped {
        while (true) {
            pause();
            task.stop().check();
            TorrentSessionState s = state.get();
            boolean chosen = filesChosen.get() && s != null;
            int done = chosen ? s.getPiecesNotSkipped() - s.getPiecesRemaining() : 0;
            if (chosen && ledger == null) {
                startWebSeeds(runtime, done);
            }
            if (chosen) {
                watchdog.observe(done, s.getDownloaded());
                report(done, s.getPiecesNotSkipped());
            } else {
                // still re-checking: keep what the last attempt recorded, and hear a pause or cancel meanwhile
                checkpoint(recorded);
            }
            if (chosen && s.getPiecesRemaining() == 0) {
                task.checkpoints().savePieces(done);
                return;
            }
            if (bt.isDone()) {
                task.checkpoints().savePieces(chosen ? done : recorded);
                throw new TransferException(Kind.IO, true, "the torrent client stopped before the download completed"
                        + " (" + done + " of " + selection.piecesTotal() + " pieces); run again to continue");
            }
            if (chosen && seeds.allDropped() && !sources.peerSources()) {
                task.checkpoints().savePieces(done);
                throw new TransferException(Kind.NETWORK, true, seeds.seeds().get(seeds.seeds().size() - 1)
                        .droppedBecause() + "; no tracker or peer is known either (" + done + " of "
                        + selection.piecesTotal() + " pieces); will retry");
            }
            if (watchdog.stalled()) {
                // what status shows after this attempt: the pieces it verified, not the last periodic record
                task.checkpoints().savePieces(chosen ? done : recorded);
                throw new TransferException(Kind.STALLED, true, "no piece arrived for "
                        + settings.stallTimeout().toSeconds() + " s (" + done + " of " + selection.piecesTotal()
                        + " pieces): no reachable peer has them" + droppedSeeds() + "; will retry");
            }
        }
    }

    /**
     * Starts the web seeds once bt has re-checked the data on disk: they ask bt's bitfield which pieces are
     * missing and add theirs to it as they pass their check.
     */
    private void startWebSeeds(TorrentRuntime runtime, int done) {
        // Peers fetch as soon as the re-check ends, before this sees it: with nothing on disk at the start,
        // every piece verified since came from this attempt's sources.
        ledger = new SourceLedger(TorrentSources.fromJson(task.checkpoints().record().sources()),
                startedEmpty ? 0 : done, torrent.getChunkSize());
        LocalBitfield bitfield = runtime.bitfield(torrent.getTorrentId()).orElse(null);
        if (seeds.isEmpty() || bitfield == null) {
            return;
        }
        seeds.start(new WebSeeds.PieceBook() {
            @Override
            public boolean needed(int piece) {
                return selection.wanted(piece) && !bitfield.isVerified(piece);
            }

            @Override
            public boolean anyNeeded() {
                return bitfield.getPiecesRemaining() > 0;
            }

            @Override
            public void verified(int piece) {
                bitfield.markLocalPieceVerified(piece);
            }
        });
    }

    private String droppedSeeds() {
        return seeds.seeds().stream().filter(WebSeed::dropped).map(w -> "; " + w.droppedBecause())
                .reduce("", String::concat);
    }

    private int peers() {
        TorrentSessionState s = state.get();
        return s == null ? 0 : s.getConnectedPeers().size();
    }

    /** Keeps serving the pieces after the download, while --seed-ratio or --seed-time ask for it. */
    private void seed(CompletableFuture<?> bt) throws TransferException {
        if (options.seedRatio() == null && options.seedTime() == null) {
            return;
        }
        // record the files first: a stop while seeding leaves a complete, recorded download
        finished.all();
        progress.status(task.fileId(), "seeding");
        long until = options.seedTime() == null ? Long.MAX_VALUE : System.nanoTime() + options.seedTime().toNanos();
        double wanted = options.seedRatio() == null ? Double.MAX_VALUE : options.seedRatio() * selection.selectedSize();
        long uploaded = 0;
        while (System.nanoTime() < until && uploaded < wanted && !bt.isDone() && !task.stop().raised()) {
            pause();
            // bt's counter falls back to 0 when a peer reconnects; the highest value seen is a lower bound
            uploaded = Math.max(uploaded, state.get().getUploaded());
            try {
                checkpoint(lastDone);
            } catch (TransferStopped e) {
                return; // paused or cancelled while seeding: the download itself is complete
            }
        }
    }

    /** Pieces and bytes for the display (bytes from pieces: bt's byte counter is not reliable). */
    private void report(int done, int total) throws TransferStopped {
        if (lastDone < 0) {
            progress.sized(task.fileId(), selection.selectedSize(), bytes(done));
            progress.pieces(task.fileId(), done, total);
            if (done < total) {
                progress.status(task.fileId(), done == 0 ? "waiting for peers" : "downloading");
            }
        } else if (done != lastDone) {
            progress.advanced(task.fileId(), bytes(done) - bytes(lastDone));
            progress.pieces(task.fileId(), done, total);
        }
        lastDone = done;
        checkpoint(done);
    }

    private void checkpoint(int done) throws TransferStopped {
        long now = System.nanoTime();
        if (now - lastSaved >= settings.checkpoint().toNanos()) {
            lastSaved = now;
            // bt re-checks every piece on start, so this only informs status; it need not be forced to disk
            task.checkpoints().savePieces(done);
            if (ledger != null) {
                task.checkpoints().saveSources(ledger.now(done, peers(), seeds));
            }
        }
    }

    private long bytes(int pieces) {
        return Math.min(selection.selectedSize(), pieces * torrent.getChunkSize());
    }

    private void pause() throws TransferException {
        try {
            Thread.sleep(settings.poll().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException(Kind.IO, true, "interrupted");
        }
    }
}
