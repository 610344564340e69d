package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.LinkIssue;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;

/**
 * Zenodo records ({@code zenodo.org/records/N}, {@code doi.org/10.5281/zenodo.N}), expanded through
 * the records API into files with sizes and MD5 checksums. A token (ZENODO_TOKEN) is optional: it
 * raises the rate limit and opens restricted records the user was granted.
 *
 * <p>Reference: https://developers.zenodo.org/#records
 */
public final class ZenodoResolver implements Resolver, AuthorizesDownloads {

    static final String TOKEN_VARIABLE = "ZENODO_TOKEN";
    public static final Host HOST = Host.named("zenodo", "api: records with MD5; restricted or embargoed records "
            + "as manual steps").api("https://zenodo.org").domains("zenodo.org", "doi.org/10.5281/zenodo.*")
            .examples("https://zenodo.org/records/7105232", "https://doi.org/10.5281/zenodo.1214456")
            .credentials(List.of(TOKEN_VARIABLE + " (optional: restricted records, higher rate limit)"))
            .ids(id -> "https://zenodo.org/records/" + id);
    public static final String NAME = HOST.name();
    private static final Pattern DOI = Pattern.compile("/?10\\.5281/zenodo\\.(\\d+)");

    private final HttpUrl base;
    private final Secret token;
    private final InvenioRecords records;

    public ZenodoResolver(HostContext context) {
        HostClient api = context.client("Zenodo", "The record may be restricted: request access on its page, then "
                + "export " + TOKEN_VARIABLE + " (a personal access token from Zenodo → Applications).");
        this.base = context.api(HOST);
        this.token = context.user().variable(TOKEN_VARIABLE).map(v -> new Secret(v, TOKEN_VARIABLE)).orElse(null);
        this.records = new InvenioRecords(api, new InvenioRecords.Site("Zenodo", NAME, "Zenodo", token, TOKEN_VARIABLE, false));
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && (HostName.within(link, "zenodo.org")
                || HostName.within(link, "doi.org") && DOI.matcher(link.getPath()).matches());
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        if (recordId(link) == null) {
            String reason = link + " names no Zenodo record (expected zenodo.org/records/<number>)";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "link the record page"));
        }
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        String id = recordId(link);
        if (id == null) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        return records.resolve(entry, base, id, records.record(base, id));
    }

    @Override
    public Authorizer.Authorized authorize(URI stableUrl) throws ResolveException {
        HostAuthorizer.requireOrigin(stableUrl, base, "Zenodo");
        if (token == null) {
            throw new ResolveException("this Zenodo file needs " + TOKEN_VARIABLE + ", which is not set", false);
        }
        return new Authorizer.Authorized(stableUrl, records.headers());
    }

    static String recordId(URI link) {
        Matcher doi = DOI.matcher(link.getPath() == null ? "" : link.getPath());
        if (doi.matches()) {
            return doi.group(1);
        }
        List<String> s = HostName.segments(link);
        int i = s.indexOf("records") >= 0 ? s.indexOf("records") : s.indexOf("record");
        return i >= 0 && i + 1 < s.size() && s.get(i + 1).matches("\\d+") ? s.get(i + 1) : null;
    }
}
