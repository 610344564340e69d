package org.medfetch.engine.torrent;

import bt.data.Storage;
import bt.data.StorageUnit;
import bt.metainfo.Torrent;
import bt.metainfo.TorrentFile;
import bt.net.buffer.ByteBufferView;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The storage bt writes a torrent's files through (bt's own file storage underneath), which drops bt's
 * writes into pieces a web seed has taken ({@link PieceClaims}): a block from a peer that was on its way
 * when the web seed took the piece must not land over the web seed's verified bytes. Web seeds write
 * through {@link #write} into the same files.
 */
final class GuardedStorage implements Storage {

    private final Storage files;
    private final PieceClaims claims;
    private final long pieceLength;
    /** Each file's place in the torrent (bt makes a new object for a single-file torrent's file at every ask). */
    private final Map<TorrentFile, Integer> indexes = new IdentityHashMap<>();
    /** Where each file starts in the torrent's bytes, by index. */
    private final long[] starts;
    private final Map<Integer, StorageUnit> units = new HashMap<>();

    GuardedStorage(Storage files, Torrent torrent, PieceClaims claims) {
        this.files = files;
        this.claims = claims;
        this.pieceLength = torrent.getChunkSize();
        List<TorrentFile> all = torrent.getFiles();
        this.starts = new long[all.size()];
        long offset = 0;
        for (int i = 0; i < all.size(); i++) {
            indexes.put(all.get(i), i);
            starts[i] = offset;
            offset += all.get(i).getSize();
        }
    }

    @Override
    public StorageUnit getUnit(Torrent torrent, TorrentFile file) {
        return new Guarded(unit(torrent, file), starts[index(file)]);
    }

    @Override
    public void flush() {
        files.flush();
    }

    /** A web seed's verified bytes of one piece, into one file at {@code offset}: under the piece's lock. */
    void write(Torrent torrent, TorrentFile file, ByteBuffer bytes, long offset) {
        unit(torrent, file).writeBlockFully(bytes, offset);
    }

    private synchronized StorageUnit unit(Torrent torrent, TorrentFile file) {
        return units.computeIfAbsent(index(file), i -> files.getUnit(torrent, file));
    }

    private int index(TorrentFile file) {
        Integer index = indexes.get(file);
        if (index == null && starts.length == 1) {
            return 0;
        }
        if (index == null) {
            throw new IllegalArgumentException("not a file of this torrent: " + file.getPathElements());
        }
        return index;
    }

    /** One file as bt sees it. Every write of bt's lies inside one piece (blocks never cross pieces). */
    private final class Guarded implements StorageUnit {

        private final StorageUnit unit;
        private final long start;

        Guarded(StorageUnit unit, long start) {
            this.unit = unit;
            this.start = start;
        }

        @Override
        public int readBlock(ByteBuffer buffer, long offset) {
            return unit.readBlock(buffer, offset);
        }

        @Override
        public void readBlockFully(ByteBuffer buffer, long offset) {
            unit.readBlockFully(buffer, offset);
        }

        @Override
        public int writeBlock(ByteBuffer buffer, long offset) {
            int piece = (int) ((start + offset) / pieceLength);
            synchronized (claims.lock(piece)) {
                if (claims.taken(piece)) {
                    int skipped = buffer.remaining();
                    buffer.position(buffer.limit());
                    return skipped;
                }
                return unit.writeBlock(buffer, offset);
            }
        }

        @Override
        public int writeBlock(ByteBufferView buffer, long offset) {
            int piece = (int) ((start + offset) / pieceLength);
            synchronized (claims.lock(piece)) {
                if (claims.taken(piece)) {
                    int skipped = buffer.remaining();
                    buffer.position(buffer.limit());
                    return skipped;
                }
                return unit.writeBlock(buffer, offset);
            }
        }

        @Override
        public long capacity() {
            return unit.capacity();
        }

        @Override
        public long size() {
            return unit.size();
        }

        @Override
        public void close() throws IOException {
            unit.close();
        }
    }
}
