package org.medfetch.engine.torrent;

import bt.data.ChunkVerifier;
import bt.metainfo.TorrentId;
import bt.net.Peer;
import bt.net.buffer.BufferedData;
import bt.runtime.Config;
import bt.service.IRuntimeLifecycleBinder;
import bt.torrent.TorrentRegistry;
import bt.torrent.data.BlockCache;
import bt.torrent.data.BlockRead;
import bt.torrent.data.BlockWrite;
import bt.torrent.data.DataWorker;
import bt.torrent.data.DefaultDataWorker;
import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.medfetch.engine.RateLimiter;

/**
 * --max-upload-rate for bt 1.10, which has no upload limit of its own: a module that replaces bt's data
 * worker (modules given to the runtime override its standard bindings) with one that hands a block read
 * for a peer over only once the shared limiter lets its bytes pass. The wait happens on a thread of its
 * own, so bt's message loop never blocks on it.
 */
final class UploadLimit implements Module {

    private final RateLimiter limiter;

    UploadLimit(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void configure(Binder binder) {
        // the binding is the provider method below
    }

    @Provides
    @Singleton
    DataWorker dataWorker(IRuntimeLifecycleBinder lifecycle, TorrentRegistry torrents, ChunkVerifier verifier,
                          BlockCache cache, Config config) {
        DataWorker bt = new DefaultDataWorker(lifecycle, torrents, verifier, cache, config);
        ExecutorService gate = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "medfetch-upload-limit-" + config.getAcceptorPort());
            t.setDaemon(true);
            return t;
        });
        lifecycle.onShutdown("Stop the upload limit", gate::shutdownNow);
        return new DataWorker() {
            @Override
            public CompletableFuture<BlockRead> addBlockRequest(TorrentId torrent, Peer peer, int piece, int offset,
                                                                int length) {
                return bt.addBlockRequest(torrent, peer, piece, offset, length).thenApplyAsync(read -> {
                    try {
                        limiter.acquire(length);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return read;
                }, gate);
            }

            @Override
            public CompletableFuture<BlockWrite> addBlock(TorrentId torrent, Peer peer, int piece, int offset,
                                                          BufferedData buffer) {
                return bt.addBlock(torrent, peer, piece, offset, buffer);
            }
        };
    }
}
