package org.medfetch.engine.torrent;

import bt.torrent.PieceStatistics;
import bt.torrent.selector.PieceSelector;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * The pieces web seeds have taken, shared by the web seeds and bt so that peers and web seeds fill one
 * download together without writing over each other: bt is not offered a taken piece ({@link #selector}),
 * and what bt would still write into one (a block already on its way) is dropped ({@link GuardedStorage}).
 * A piece stays taken once a web seed has written it; one whose fetch failed goes back to the peers.
 */
final class PieceClaims {

    private static final int STRIPES = 64;

    private final BitSet taken = new BitSet();
    private final Object[] stripes = new Object[STRIPES];

    PieceClaims() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** @return false when a web seed already has it */
    synchronized boolean take(int piece) {
        if (taken.get(piece)) {
            return false;
        }
        taken.set(piece);
        return true;
    }

    /** A piece whose fetch failed: peers (or another web seed) may have it. */
    synchronized void release(int piece) {
        taken.clear(piece);
    }

    synchronized boolean taken(int piece) {
        return taken.get(piece);
    }

    /**
     * What a piece's writes hold: bt's write of a block checks and writes under it, a web seed writes a
     * whole piece under it, so no block of bt's lands after a web seed took the piece.
     */
    Object lock(int piece) {
        return stripes[Math.floorMod(piece, STRIPES)];
    }

    /** bt's piece selector, never offering a piece a web seed has taken. */
    PieceSelector selector(PieceSelector delegate) {
        return new PieceSelector() {
            @Override
            public void initSelector(int numPieces) {
                delegate.initSelector(numPieces);
            }

            @Override
            public IntStream getNextPieces(BitSet relevantChunks, PieceStatistics pieceStatistics) {
                BitSet offered = (BitSet) relevantChunks.clone();
                synchronized (PieceClaims.this) {
                    offered.andNot(taken);
                }
                return delegate.getNextPieces(offered, pieceStatistics);
            }
        };
    }
}
