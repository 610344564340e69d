package org.medfetch.resolve;

import java.net.URI;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;

/**
 * One host type: knows which links are its own, what they are (offline), and how to turn one into
 * files (possibly through the host's API). Implementations take every base URL from their context so
 * tests can point them at a local server.
 */
public interface Resolver {

    /** What the host is: name, base URL, sites, example links, credentials, notes. */
    Host host();

    /** Pure and offline: does this link belong to this resolver? Decided by scheme, host and path shape. */
    boolean accepts(URI link);

    /** Pure and offline: the link's class and what a person needs to know. */
    Classification classify(CatalogEntry entry, URI link);

    /** Expands the link into sources, instructions or a reason; may call the host. Never returns null. */
    Resolution resolve(CatalogEntry entry, URI link) throws ResolveException;

    /** Stable id, stored in the database and in manifests. */
    default String name() {
        return host().name();
    }

    /**
     * The base URL of the host's API that {@code --endpoint NAME=URL} replaces, or null when there is
     * none (the resolver never goes online, or it fetches the link's own host).
     */
    default URI defaultBase() {
        return host().defaultBase();
    }

    /**
     * Whether {@code --endpoint NAME=URL} applies: the resolver calls its {@link #defaultBase()}, or,
     * when that is null, the link's own host, whose scheme, host and port the endpoint then replaces.
     */
    default boolean takesEndpoint() {
        return host().takesEndpoint();
    }

    /** Where the resolver looks for credentials, in the order it tries them (variables and files). */
    default List<String> credentialSources() {
        return host().credentials();
    }
}
