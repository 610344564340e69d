package org.medfetch.engine.torrent;

import bt.metainfo.Torrent;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;
import org.medfetch.engine.http.HttpRanges;
import org.medfetch.resolve.MagnetLink;

/**
 * Turns what the user gave (a magnet, a .torrent URL or file) into validated metadata. Magnets are
 * checked by medfetch's own parser, since bt 1.10's cuts tracker URLs at '=', drops IPv6 peers and throws
 * on a parameter without '='; bt only ever sees the info-hash.
 */
final class MetainfoReader {

    /** Real .torrent files stay far below this; a larger body is not one. */
    static final int MAX_TORRENT_BYTES = 64 << 20;

    /**
     * @param torrent  the metadata, or null for a magnet whose metadata peers have not sent yet
     * @param trackers extra trackers (a magnet's tr=)
     * @param peers    extra peers (a magnet's x.pe=)
     * @param webSeeds web seeds (a .torrent's url-list, a magnet's ws=)
     * @param name     what to call the torrent before its metadata is known
     */
    record Input(String infoHash, Torrent torrent, List<String> trackers, List<String> peers, List<String> webSeeds,
                 String name) {
    }

    private final MetainfoParser parser = new MetainfoParser();
    private final SavedMetadata saved;
    private final HttpRanges http;
    private final Duration timeout;

    /** @param http how .torrent URLs are fetched: medfetch's HTTP client (its proxies, its failure classes) */
    MetainfoReader(SavedMetadata saved, HttpRanges http, Duration timeout) {
        this.saved = saved;
        this.http = http;
        this.timeout = timeout;
    }

    /** @param knownInfoHash the info-hash an earlier attempt recorded, or null: its saved copy is used */
    Input read(String uri, String knownInfoHash) throws TransferException {
        if (MagnetLink.isMagnet(uri)) {
            return magnet(uri);
        }
        Optional<Torrent> earlier = knownInfoHash == null ? Optional.empty() : savedCopy(knownInfoHash);
        if (earlier.isPresent()) {
            return new Input(knownInfoHash, earlier.get(), List.of(), List.of(), savedWebSeeds(knownInfoHash),
                    earlier.get().getName());
        }
        byte[] bytes = isHttp(uri) ? download(uri) : readFile(uri);
        Torrent torrent = parse(bytes, uri);
        String infoHash = infoHash(torrent);
        try {
            saved.saveTorrent(infoHash, bytes);
        } catch (IOException e) {
            // only a convenience for later attempts: this one goes on without it
        }
        return new Input(infoHash, torrent, List.of(), List.of(), UrlList.of(bytes), torrent.getName());
    }

    /** Parses metadata; anything that is not a valid .torrent is the user's input to fix. */
    Torrent parse(byte[] bytes, String what) throws TransferException {
        return parser.parse(bytes, what);
    }

    static String infoHash(Torrent torrent) {
        return HexFormat.of().formatHex(torrent.getTorrentId().getBytes());
    }

    private Input magnet(String uri) throws TransferException {
        MagnetLink magnet;
        try {
            magnet = MagnetLink.parse(uri);
        } catch (IllegalArgumentException e) {
            throw new TransferException(Kind.BAD_INPUT, false, "bad magnet link: " + e.getMessage());
        }
        Torrent torrent = savedCopy(magnet.infoHash()).orElse(null);
        String name = magnet.displayName() != null ? magnet.displayName() : magnet.infoHash();
        List<String> webSeeds = new java.util.ArrayList<>(magnet.webSeeds());
        if (torrent != null) {
            savedWebSeeds(magnet.infoHash()).stream().filter(w -> !webSeeds.contains(w)).forEach(webSeeds::add);
        }
        return new Input(magnet.infoHash(), torrent, magnet.trackers(), magnet.peers(), webSeeds, name);
    }

    /** The url-list of the saved .torrent (a local or downloaded one; a magnet's saved metadata has none). */
    private List<String> savedWebSeeds(String infoHash) {
        return saved.load(infoHash).map(UrlList::of).orElse(List.of());
    }

    /** The saved metadata of this info-hash, unless it is damaged or belongs to another torrent. */
    private Optional<Torrent> savedCopy(String infoHash) {
        Optional<byte[]> bytes = saved.load(infoHash);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            Torrent torrent = parser.parse(bytes.get(), "the saved metadata");
            if (infoHash(torrent).equals(infoHash)) {
                return Optional.of(torrent);
            }
        } catch (TransferException e) {
            // damaged: fetched again below
        }
        saved.forget(infoHash);
        return Optional.empty();
    }

    private byte[] download(String uri) throws TransferException {
        try {
            return http.whole(uri, MAX_TORRENT_BYTES, timeout);
        } catch (TransferException e) {
            throw new TransferException(e.kind(), e.retryable(), "fetching the .torrent: " + e.getMessage(),
                    e.retryAfter(), e);
        }
    }

    static byte[] readFile(String uri) throws TransferException {
        Path file;
        try {
            file = uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
        } catch (IllegalArgumentException e) {
            throw new TransferException(Kind.BAD_INPUT, false, "'" + uri + "' is neither a magnet, a URL nor a file");
        }
        try {
            if (Files.size(file) > MAX_TORRENT_BYTES) {
                throw new TransferException(Kind.BAD_INPUT, false, file + " is larger than any .torrent file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TransferException(Kind.BAD_INPUT, false, "no .torrent file at " + file);
        } catch (IOException e) {
            throw new TransferException(Kind.IO, true, "cannot read " + file + ": " + e.getMessage(), null, e);
        }
    }

    private static boolean isHttp(String uri) {
        return uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8);
    }
}
