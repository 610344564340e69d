package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Resolver;

/**
 * A host whose links always need a person (a netdisk, an encrypted share, a page that describes the
 * data): its description, which of its links it owns, and the steps. The hosts themselves are data,
 * in {@link ManualHosts}.
 */
public final class ManualHost implements Resolver {

    private final Host host;
    private final Predicate<URI> owns;
    private final BiFunction<CatalogEntry, URI, Instructions> steps;

    /** @param owns which http(s) links are this host's (by host name and path shape, offline) */
    ManualHost(Host host, Predicate<URI> owns, BiFunction<CatalogEntry, URI, Instructions> steps) {
        this.host = host;
        this.owns = owns;
        this.steps = steps;
    }

    @Override
    public Host host() {
        return host;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && owns.test(link);
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.manual(host.name(), steps.apply(entry, link));
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) {
        return new Resolution.Manual(steps.apply(entry, link));
    }

    /** The steps a person follows for {@code link} (also used by API hosts for their pages). */
    Instructions steps(CatalogEntry entry, URI link) {
        return steps.apply(entry, link);
    }
}
