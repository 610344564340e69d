package org.medfetch.engine.torrent;

import bt.metainfo.Torrent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.http.HttpRanges;

/**
 * A .torrent file on this machine, read and checked at {@code add} exactly as a download of it will be
 * (its bencode, its pieces against its size, every path, a --files glob), so that a hostile or broken
 * one is refused before it is queued rather than failing every later run.
 */
public final class LocalTorrent {

    private final byte[] bytes;
    private final Torrent torrent;
    private final String infoHash;

    private LocalTorrent(byte[] bytes, Torrent torrent) {
        this.bytes = bytes;
        this.torrent = torrent;
        this.infoHash = MetainfoReader.infoHash(torrent);
    }

    /** @throws TransferException of kind BAD_INPUT saying what is wrong with the file, or IO when unreadable */
    public static LocalTorrent read(Path file) throws TransferException {
        byte[] bytes = MetainfoReader.readFile(file.toString());
        return new LocalTorrent(bytes, new MetainfoParser().parse(bytes, file.toString()));
    }

    /**
     * A .torrent served at an http(s) URL, fetched through medfetch's HTTP client (proxies apply) and
     * checked as a local one is.
     *
     * @throws TransferException of kind BAD_INPUT when what the URL serves is no valid torrent; of another
     *                           kind when it cannot be fetched now
     */
    public static LocalTorrent fetch(HttpRanges http, String url, Duration timeout) throws TransferException {
        byte[] bytes = http.whole(url, MetainfoReader.MAX_TORRENT_BYTES, timeout);
        return new LocalTorrent(bytes, new MetainfoParser().parse(bytes, url));
    }

    /** 40 lower-case hex digits. */
    public String infoHash() {
        return infoHash;
    }

    public String name() {
        return torrent.getName();
    }

    /**
     * Checks where its files would go in a dataset folder, as a download does first.
     *
     * @param glob the --files selection, or null
     * @throws TransferException of kind BAD_INPUT: a hostile or clashing path, or a glob that matches nothing
     */
    public void checkLayout(String glob, Path datasetDir) throws TransferException {
        Selection.of(torrent, glob, datasetDir);
    }

    /**
     * Saves it where downloads look for a torrent's metadata first ({@code downloads/.medfetch/torrents}),
     * so later attempts need neither the original file nor peers to send the metadata of its magnet.
     */
    public void keep(Path downloads) throws IOException {
        new SavedMetadata(downloads.resolve(".medfetch").resolve("torrents")).saveTorrent(infoHash, bytes);
    }
}
