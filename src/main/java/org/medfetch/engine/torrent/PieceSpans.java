package org.medfetch.engine.torrent;

import bt.metainfo.Torrent;
import bt.metainfo.TorrentFile;
import java.util.ArrayList;
import java.util.List;

/** Where each piece of a torrent lies in its files: a piece may end one file and start the next ones. */
final class PieceSpans {

    /** Bytes {@code offset} to {@code offset + length} of one file. */
    record Span(TorrentFile file, long offset, int length) {
    }

    private final List<TorrentFile> files;
    private final long[] starts;
    private final long size;
    private final long pieceLength;

    PieceSpans(Torrent torrent) {
        this.files = List.copyOf(torrent.getFiles());
        this.starts = new long[files.size()];
        long offset = 0;
        for (int i = 0; i < files.size(); i++) {
            starts[i] = offset;
            offset += files.get(i).getSize();
        }
        this.size = offset;
        this.pieceLength = torrent.getChunkSize();
    }

    int pieces() {
        return (int) ((size + pieceLength - 1) / pieceLength);
    }

    /** The piece's length: the last one may be shorter. */
    int length(int piece) {
        return (int) (Math.min(size, (piece + 1) * pieceLength) - piece * pieceLength);
    }

    /** The piece's bytes, file by file, in torrent order (files of size 0 left out). */
    List<Span> of(int piece) {
        long from = piece * pieceLength;
        long to = from + length(piece);
        List<Span> spans = new ArrayList<>(2);
        int i = first(from);
        for (; i < files.size() && starts[i] < to; i++) {
            long start = Math.max(from, starts[i]);
            long end = Math.min(to, starts[i] + files.get(i).getSize());
            if (end > start) {
                spans.add(new Span(files.get(i), start - starts[i], (int) (end - start)));
            }
        }
        return spans;
    }

    /** The last file that starts at or before {@code offset}. */
    private int first(long offset) {
        int lo = 0;
        int hi = files.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
