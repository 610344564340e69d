package org.medfetch.resolve.hosts;

import java.net.URI;
import okhttp3.HttpUrl;

/**
 * Where a resolver that calls its link's own host sends requests: to that host, or, when the user set
 * an endpoint for the resolver, to the endpoint's scheme, host and port (and path prefix, if it has one)
 * with the link's path and query.
 */
final class LinkOrigin {

    private LinkOrigin() {
    }

    /** The link's scheme, host and port, or the endpoint; no path beyond the endpoint's own prefix. */
    static HttpUrl origin(URI link, URI endpoint) {
        URI root = endpoint != null ? endpoint : URI.create(link.getScheme() + "://" + link.getRawAuthority());
        return HttpUrl.get(root.toString().replaceAll("/+$", "") + "/");
    }

    /** The link itself, moved to the endpoint when there is one; the fragment is dropped. */
    static HttpUrl page(URI link, URI endpoint) {
        HttpUrl original = HttpUrl.get(link.toString()).newBuilder().fragment(null).build();
        if (endpoint == null) {
            return original;
        }
        HttpUrl root = origin(link, endpoint);
        String prefix = root.encodedPath().replaceAll("/+$", "");
        return original.newBuilder().scheme(root.scheme()).host(root.host()).port(root.port())
                .encodedPath(prefix + original.encodedPath()).build();
    }

    /** The link as a page to fetch: itself, or moved to the endpoint (the web-page fallback of shape-known hosts). */
    static URI moved(URI link, URI endpoint) {
        return endpoint == null ? link : page(link, endpoint).uri();
    }
}
