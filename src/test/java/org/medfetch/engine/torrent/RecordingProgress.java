package org.medfetch.engine.torrent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import org.medfetch.engine.Progress;

/** Keeps what a transfer reported, and can act when pieces reach a count. */
final class RecordingProgress implements Progress {

    final List<String> statuses = new CopyOnWriteArrayList<>();
    final List<int[]> pieces = new CopyOnWriteArrayList<>();
    private final IntConsumer onPieces;

    RecordingProgress() {
        this(done -> { });
    }

    RecordingProgress(IntConsumer onPieces) {
        this.onPieces = onPieces;
    }

    @Override
    public void pieces(long fileId, int done, int total) {
        pieces.add(new int[] {done, total});
        onPieces.accept(done);
    }

    @Override
    public void status(long fileId, String message) {
        statuses.add(message);
    }
}
