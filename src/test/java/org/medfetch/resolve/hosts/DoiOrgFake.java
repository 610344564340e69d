package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * doi.org and Crossref as habanero recorded them (api/recorded/doi, sources in api/recorded/README.md): doi.org
 * redirects 10.1126/science.169.3946.635 to Crossref's transform URL, which answers CSL-JSON or BibTeX
 * by the Accept header; a DOI doi.org does not know is its HTML 404 page. Made by hand, for what the
 * recordings do not show: with {@link #refuseCsl} the agency answers 406 to CSL-JSON, as one that
 * serves only BibTeX would, and a format it does not know sends the reader to an HTML landing page.
 */
final class DoiOrgFake extends FakeHost {

    static final String WATER = "10.1126/science.169.3946.635";

    volatile boolean refuseCsl;

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        String accept = String.valueOf(request.getHeaders().get("Accept"));
        return switch (url.encodedPath()) {
            case "/" + WATER -> new MockResponse.Builder().code(302)
                    .setHeader("Location", base() + "v1/works/10.1126%2Fscience.169.3946.635/transform")
                    .setHeader("Content-Type", "text/html;charset=utf-8")
                    .body(text("recorded/doi/science.169.3946.635.redirect.html")).build();
            case "/v1/works/10.1126%2Fscience.169.3946.635/transform" -> accept.contains("citationstyles.csl+json")
                    ? refuseCsl ? status(406, "") : new MockResponse.Builder().code(200)
                            .body(text("recorded/doi/science.169.3946.635.csl.json")).build()
                    : accept.contains("x-bibtex") ? new MockResponse.Builder().code(200)
                            .setHeader("Content-Type", "application/x-bibtex")
                            .body(text("recorded/doi/science.169.3946.635.bib")).build()
                    : html("<html><head><title>The Structure of Ordinary Water</title></head></html>");
            default -> new MockResponse.Builder().code(404).setHeader("Content-Type", "text/html;charset=utf-8")
                    .body(text("recorded/doi/not-found.html")).build();
        };
    }
}
