package org.medfetch.resolve.hosts;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.LinkIssue;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Resolver;

/**
 * Web links whose host has no dot (e.g. {@code http://preprocessed-connectomes/}): on the public web
 * such a host cannot resolve, so the link was cut off when the catalog was written.
 *
 * <p>Reference: RFC 1034 section 3.1 (a fully qualified domain name ends in a top-level domain).
 */
public final class IncompleteLinkResolver implements Resolver {

    public static final Host HOST = Host.named("incomplete-link", "unavailable: a host without a domain, cut off")
            .examples("http://preprocessed-connectomes/");
    public static final String NAME = HOST.name();

    public IncompleteLinkResolver(HostContext context) {
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        String host = HostName.host(link);
        return HostName.isHttp(link) && !host.contains(".") && !host.contains(":") && !host.equals("localhost");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        String reason = "the host '" + HostName.host(link) + "' has no domain: the link " + link + " is truncated";
        return Classification.unavailable(NAME, reason, new LinkIssue(CatalogProblem.Kind.TRUNCATED_LINK, reason,
                "find the full address, e.g. search https://duckduckgo.com/?q="
                        + URLEncoder.encode(entry.name() + " " + HostName.host(link), StandardCharsets.UTF_8)));
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) {
        return new Resolution.Unavailable(classify(entry, link).reason());
    }
}
