package org.medfetch.engine.torrent;

import bt.metainfo.Torrent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;
import org.medfetch.resolve.MagnetLink;

/**
 * Turns what the user gave (a magnet, a .torrent URL or file) into validated metadata. Magnets are
 * checked by medfetch's own parser, since bt 1.10's cuts tracker URLs at '=', drops IPv6 peers and throws
 * on a parameter without '='; bt only ever sees the info-hash.
 */
final class MetainfoReader {

    /** Real .torrent files stay far below this; a larger body is not one. */
    private static final int MAX_TORRENT_BYTES = 64 << 20;

    /**
     * @param torrent  the metadata, or null for a magnet whose metadata peers have not sent yet
     * @param trackers extra trackers (a magnet's tr=)
     * @param peers    extra peers (a magnet's x.pe=)
     * @param name     what to call the torrent before its metadata is known
     */
    record Input(String infoHash, Torrent torrent, List<String> trackers, List<String> peers, String name) {
    }

    private final MetainfoParser parser = new MetainfoParser();
    private final SavedMetadata saved;
    private final HttpClient http;
    private final Duration timeout;

    MetainfoReader(SavedMetadata saved, Duration timeout) {
        this.saved = saved;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** @param knownInfoHash the info-hash an earlier attempt recorded, or null: its saved copy is used */
    Input read(String uri, String knownInfoHash) throws TransferException {
        if (MagnetLink.isMagnet(uri)) {
            return magnet(uri);
        }
        Optional<Torrent> earlier = knownInfoHash == null ? Optional.empty() : savedCopy(knownInfoHash);
        if (earlier.isPresent()) {
            return new Input(knownInfoHash, earlier.get(), List.of(), List.of(), earlier.get().getName());
        }
        byte[] bytes = isHttp(uri) ? download(uri) : readFile(uri);
        Torrent torrent = parse(bytes, uri);
        String infoHash = infoHash(torrent);
        try {
            saved.saveTorrent(infoHash, bytes);
        } catch (IOException e) {
            // only a convenience for later attempts: this one goes on without it
        }
        return new Input(infoHash, torrent, List.of(), List.of(), torrent.getName());
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
        return new Input(magnet.infoHash(), torrent, magnet.trackers(), magnet.peers(), name);
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
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(uri)).timeout(timeout).header("User-Agent", "medfetch").GET()
                    .build();
        } catch (IllegalArgumentException e) {
            throw new TransferException(Kind.BAD_INPUT, false, "'" + uri + "' is not a usable URL: " + e.getMessage());
        }
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status != 200) {
                    boolean retry = status == 408 || status == 429 || status >= 500;
                    throw new TransferException(Kind.HTTP_STATUS, retry, "fetching the .torrent " + uri
                            + " answered HTTP " + status);
                }
                byte[] bytes = body.readNBytes(MAX_TORRENT_BYTES + 1);
                if (bytes.length > MAX_TORRENT_BYTES) {
                    throw new TransferException(Kind.BAD_INPUT, false, uri + " is larger than any .torrent file");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new TransferException(Kind.NETWORK, true, "cannot fetch the .torrent " + uri + ": " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException(Kind.NETWORK, true, "interrupted while fetching the .torrent " + uri);
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
