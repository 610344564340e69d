package org.medfetch.engine.torrent;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.medfetch.engine.Checkpoints;
import org.medfetch.engine.CompletedFile;
import org.medfetch.engine.Progress;
import org.medfetch.engine.StopSignal;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferOptions;
import org.medfetch.engine.TransferStopped;
import org.medfetch.engine.TransferTask;
import org.medfetch.engine.http.HttpRanges;
import org.medfetch.engine.http.HttpTransfer;
import org.medfetch.engine.http.ProxyFromEnvironment;
import org.medfetch.resolve.Source.TorrentSource;
import org.medfetch.resolve.TorrentOptions;
import org.medfetch.store.FileRecord;
import org.medfetch.store.JobState;
import org.medfetch.store.NewFile;
import org.medfetch.store.NewJob;
import org.medfetch.store.Store;

/** A workspace with a real Store holding one torrent job, and what it takes to run one attempt of it. */
final class TorrentJob implements AutoCloseable {

    static final String OWNER = "test-run";
    /** medfetch's HTTP client as the composition root builds it, without proxies. */
    static final HttpRanges HTTP = new HttpRanges(HttpTransfer.client(java.time.Duration.ofSeconds(10), 4,
            ProxyFromEnvironment.none()));

    final Path workspace;
    final Path datasetDir;
    final Store store;
    final long fileId;
    private TorrentSource source;

    TorrentJob(Path workspace, String uri, String name, TorrentOptions options) {
        this.workspace = workspace;
        this.datasetDir = workspace.resolve("downloads/ds");
        this.store = Store.open(workspace.resolve("downloads/.medfetch/state.db"), Clock.systemUTC());
        long jobId = store.addJob(new NewJob("ds", "Dataset", uri, uri, "magnet", "torrent", "url", uri,
                JobState.ACTIVE, null, null, null), "default").id();
        this.fileId = store.addFile(jobId, new NewFile("torrent", uri, "downloads/ds/" + name, null, null, null, null))
                .id();
        this.source = new TorrentSource(uri, name, options);
    }

    /** Later attempts use these options (as if the job had been added again with them). */
    TorrentJob options(TorrentOptions options) {
        source = new TorrentSource(source.uri(), source.path(), options);
        return this;
    }

    /** Claims the file, as the engine does, and runs one attempt. */
    List<CompletedFile> run(TorrentSettings settings, Progress progress, StopSignal stop)
            throws TransferException, TransferStopped {
        return run(settings, progress, stop, System::nanoTime);
    }

    /** One attempt whose stall watchdogs read this clock (nanoseconds). */
    List<CompletedFile> run(TorrentSettings settings, Progress progress, StopSignal stop, LongSupplier clock)
            throws TransferException, TransferStopped {
        FileRecord claimed = store.claim(OWNER, 60_000, Set.of()).orElseThrow();
        TransferTask<TorrentSource> task = new TransferTask<>(claimed.id(), source, datasetDir,
                datasetDir.resolve(source.path()), new Checkpoints(store, claimed.id(), OWNER, 60_000, stop),
                TransferOptions.defaults(), stop);
        return new TorrentTransfer(settings, HTTP, clock).fetch(task, progress);
    }

    List<CompletedFile> run(TorrentSettings settings) throws TransferException, TransferStopped {
        return run(settings, Progress.NONE, new StopSignal());
    }

    FileRecord record() {
        return store.file(fileId).orElseThrow();
    }

    List<FileRecord> children() {
        return store.children(fileId);
    }

    @Override
    public void close() {
        store.close();
    }
}
