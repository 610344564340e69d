package org.medfetch.engine.torrent;

import java.util.ArrayList;
import java.util.List;
import org.medfetch.engine.TorrentSources;

/**
 * Where a torrent's verified pieces came from, added to what earlier attempts recorded: the web seeds
 * count what each of them sent; every other piece verified in this attempt came from peers.
 */
final class SourceLedger {

    private final TorrentSources before;
    private final int piecesAtStart;
    private final long pieceLength;

    /** @param piecesAtStart pieces already verified when this attempt's re-check ended */
    SourceLedger(TorrentSources before, int piecesAtStart, long pieceLength) {
        this.before = before;
        this.piecesAtStart = piecesAtStart;
        this.pieceLength = pieceLength;
    }

    TorrentSources now(int piecesDone, int peers, WebSeeds seeds) {
        int fromPeers = Math.max(0, piecesDone - piecesAtStart - seeds.piecesVerified());
        List<TorrentSources.WebSeed> accounts = new ArrayList<>();
        for (WebSeed seed : seeds.seeds()) {
            long earlier = before.webSeeds().stream().filter(w -> w.url().equals(seed.shown()))
                    .mapToLong(TorrentSources.WebSeed::bytes).sum();
            accounts.add(seed.account(earlier));
        }
        return new TorrentSources(peers, before.peerBytes() + fromPeers * pieceLength, accounts);
    }
}
