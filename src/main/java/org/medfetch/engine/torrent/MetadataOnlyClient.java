package org.medfetch.engine.torrent;

import bt.TorrentClientBuilder;
import bt.metainfo.Torrent;
import bt.processor.ProcessingContext;
import bt.processor.listener.ListenerSource;
import bt.processor.listener.ProcessingEvent;
import bt.runtime.BtRuntime;
import java.util.function.Consumer;

/**
 * A bt client that asks peers for a magnet's metadata and ends there. bt would go on to create the
 * torrent's files right away; medfetch first checks their names and saves the metadata, then starts
 * the download from that saved copy like any .torrent.
 */
final class MetadataOnlyClient extends TorrentClientBuilder<MetadataOnlyClient> {

    private final Consumer<Torrent> metadata;

    MetadataOnlyClient(BtRuntime runtime, Consumer<Torrent> metadata) {
        this.metadata = metadata;
        runtime(runtime);
    }

    @Override
    protected <C extends ProcessingContext> void collectStageListeners(ListenerSource<C> listeners) {
        super.collectStageListeners(listeners);
        listeners.addListener(ProcessingEvent.TORRENT_FETCHED, (context, next) -> {
            context.getTorrent().ifPresent(metadata);
            return null; // no next stage: the processing chain ends here
        });
    }
}
