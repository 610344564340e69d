package org.medfetch.resolve.hosts;

import okhttp3.HttpUrl;
import org.medfetch.resolve.ResolveException;

/**
 * The next page of a paged listing, from the link the host gave (a Link header, JSON:API
 * {@code links.next}, HAL {@code _links.next.href}): resolved against the page it came from and kept on
 * the API's own scheme, host and port, so that a chosen endpoint (a mirror, a local copy, a test server)
 * serves every page and credentials never follow a link elsewhere.
 */
public final class NextPage {

    /** Far more pages than any listing medfetch reads; a host that never stops paging is a broken host. */
    static final int MAX_PAGES = 10_000;

    private NextPage() {
    }

    /**
     * @param link the next page's URL as the host wrote it (absolute or relative), or null/blank when
     *             there is none
     * @return the URL to GET, or null when the listing is complete
     * @throws ResolveException (fatal) when the link is not a URL
     */
    public static HttpUrl of(HttpUrl current, String link, HttpUrl base, HostClient api) throws ResolveException {
        if (link == null || link.isBlank()) {
            return null;
        }
        HttpUrl next = current.resolve(link.strip());
        if (next == null) {
            throw api.unexpected("the next page's link is not a URL");
        }
        return next.newBuilder().scheme(base.scheme()).host(base.host()).port(base.port()).build();
    }

    /** Fails when a listing goes on for ever. */
    public static void count(int pages, HostClient api) throws ResolveException {
        if (pages > MAX_PAGES) {
            throw api.unexpected("the listing goes on past " + MAX_PAGES + " pages");
        }
    }
}
