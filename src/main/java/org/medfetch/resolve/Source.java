package org.medfetch.resolve;

import java.net.URI;
import java.util.List;

/** Where the bytes of a dataset come from: one HTTP file, or one torrent. */
public sealed interface Source {

    /** Path of the file (or torrent folder) relative to the dataset folder. */
    String path();

    /**
     * One file over HTTP.
     *
     * @param url       the stable URL to GET (for an API, its download endpoint, never a signed URL)
     * @param path      relative path inside the dataset folder, '/'-separated
     * @param size      bytes, or null when the host does not say
     * @param checksums published checksums, verified after download
     * @param auth      name of the resolver whose credentials the request needs, or null
     */
    record HttpSource(URI url, String path, Long size, List<Checksum> checksums, String auth) implements Source {

        public HttpSource {
            checksums = List.copyOf(checksums);
        }

        public static HttpSource of(URI url, String path) {
            return new HttpSource(url, path, null, List.of(), null);
        }
    }

    /**
     * A torrent, by magnet URI, .torrent URL or .torrent file.
     *
     * @param uri     magnet:?xt=..., http(s)://....torrent or a local path
     * @param path    name of the torrent's folder (or file) inside the dataset folder, when known, else null
     * @param options file selection, extra peers and trackers, seeding
     */
    record TorrentSource(String uri, String path, TorrentOptions options) implements Source {

        public TorrentSource(String uri, String path) {
            this(uri, path, TorrentOptions.DEFAULTS);
        }
    }
}
