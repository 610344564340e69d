package org.medfetch.resolve.web;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What probed links turned out to be, per URL, so a link is probed once per workspace and listings
 * show the answer offline. The workspace keeps it in state.db; a failed probe is never stored.
 */
public interface ProbeCache {

    Optional<LinkKind> get(URI link);

    void put(URI link, LinkKind kind);

    /** A cache that lives as long as the process (tests, commands without a workspace). */
    static ProbeCache memory() {
        Map<URI, LinkKind> known = new ConcurrentHashMap<>();
        return new ProbeCache() {
            @Override
            public Optional<LinkKind> get(URI link) {
                return Optional.ofNullable(known.get(link));
            }

            @Override
            public void put(URI link, LinkKind kind) {
                known.put(link, kind);
            }
        };
    }
}
