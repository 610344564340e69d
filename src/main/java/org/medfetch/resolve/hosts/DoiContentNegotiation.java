package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.medfetch.resolve.DoiMetadata;
import org.medfetch.resolve.ResolveException;

/**
 * DOI content negotiation: a GET of {@code doi.org/<DOI>} with the wanted format in the Accept header,
 * which doi.org redirects to the registration agency that serves it (api.crossref.org,
 * data.crosscite.org). An agency that does not serve the format answers 406, or doi.org sends the
 * reader to the landing page, an HTML answer.
 *
 * <p>Reference: https://citation.crosscite.org/docs.html
 */
public final class DoiContentNegotiation implements DoiMetadata {

    private final HostClient api;
    private final HttpUrl base;

    /** @param base doi.org, or the endpoint the user chose */
    public DoiContentNegotiation(OkHttpClient http, URI base) {
        this.api = new HostClient(http, "doi.org", "doi.org or the DOI's registration agency refused to answer.");
        this.base = HttpUrl.get(base.toString());
    }

    @Override
    public Optional<String> record(String doi, String mediaType) throws ResolveException {
        HttpUrl url = base.newBuilder().addPathSegments(doi.strip()).build();
        HostAnswer answer = api.send(api.request(url, Map.of("Accept", mediaType)).get().build());
        String type = answer.headers().get("Content-Type");
        if (answer.code() == 406 || answer.ok() && type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return Optional.empty();
        }
        if (answer.code() == 404) {
            throw new ResolveException("doi.org knows no DOI " + doi + " (HTTP 404)", false);
        }
        api.check(answer);
        return Optional.of(answer.body());
    }
}
