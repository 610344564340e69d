package org.medfetch.engine.torrent;

import bt.metainfo.Torrent;
import bt.metainfo.TorrentFile;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.medfetch.engine.TorrentSources;
import org.medfetch.engine.http.HttpRanges;

/**
 * One web seed (BEP 19) of a torrent: where its files are, what it sent, and whether medfetch still
 * uses it. A seed that sends {@link #MAX_BAD_PIECES} pieces failing their SHA-1 check is dropped.
 */
final class WebSeed {

    /** Pieces failing their check that a seed may send before it is no longer used. */
    static final int MAX_BAD_PIECES = 3;

    private final String url;
    private final boolean multiFile;
    private final String name;
    private final AtomicLong bytes = new AtomicLong();
    private int bad;
    private volatile String dropped;

    WebSeed(String url, Torrent torrent) {
        this.url = url;
        this.multiFile = torrent.getFiles().size() > 1;
        this.name = torrent.getName();
    }

    /** The seed as it may be shown: without its query. */
    String shown() {
        return HttpRanges.display(url);
    }

    /**
     * Where one of the torrent's files is on this seed (BEP 19): a single-file torrent's URL is the file
     * (its name appended when the URL ends with '/'); a multi-file torrent's files are under the URL as
     * {@code <name>/<path>}.
     */
    String url(TorrentFile file) {
        String base = url.endsWith("/") ? url : url + "/";
        if (!multiFile) {
            return url.endsWith("/") ? base + segment(name) : url;
        }
        StringBuilder path = new StringBuilder(base).append(segment(name));
        for (String element : file.getPathElements()) {
            path.append('/').append(segment(element));
        }
        return path.toString();
    }

    void sent(long verified) {
        bytes.addAndGet(verified);
    }

    /**
     * A piece from this seed failed its check.
     *
     * @return true when that drops the seed
     */
    synchronized boolean badPiece(int piece, String file) {
        bad++;
        if (bad >= MAX_BAD_PIECES && dropped == null) {
            dropped = "web seed " + shown() + " sent " + bad + " pieces that fail their SHA-1 check (the last: piece "
                    + piece + ", in " + file + "); it is no longer used";
            return true;
        }
        return false;
    }

    /** Stops using the seed, for this reason (the first reason stays). */
    synchronized void drop(String reason) {
        if (dropped == null) {
            dropped = reason;
        }
    }

    boolean dropped() {
        return dropped != null;
    }

    String droppedBecause() {
        return dropped;
    }

    /** This attempt's account, added to what earlier attempts recorded for the same seed. */
    TorrentSources.WebSeed account(long before) {
        return new TorrentSources.WebSeed(shown(), before + bytes.get(), dropped);
    }

    /** A path segment, percent-encoded except RFC 3986's unreserved characters. */
    private static String segment(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
