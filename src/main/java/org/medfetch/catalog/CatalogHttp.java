package org.medfetch.catalog;

import java.io.IOException;
import java.net.URI;

/**
 * One GET of a catalog given by URL, conditional on the ETag of the copy medfetch keeps. The catalog
 * package knows no HTTP client and no hosts: the composition root implements this with the client that
 * downloads use (so proxies apply) and turns a repository's web page of a file into the file itself.
 */
public interface CatalogHttp {

    /**
     * @param etag the validator of the cached copy, or null
     * @throws IOException when the server cannot be reached or the transfer breaks
     */
    Answer get(URI url, String etag) throws IOException;

    /** What the server said. */
    sealed interface Answer permits NotModified, Body, Refused {
    }

    /** 304: the cached copy is current. */
    record NotModified() implements Answer {
    }

    /**
     * The catalog's bytes (at most {@link CatalogLoader#MAX_BYTES} + 1 of them) and its ETag, or null.
     */
    record Body(byte[] bytes, String etag) implements Answer {
    }

    /** Any other status. */
    record Refused(int status) implements Answer {
    }
}
