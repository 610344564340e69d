package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Dryad's API v2: the documentation's example dataset with its latest version's files on two pages,
 * an embargoed dataset, and the OAuth token endpoint; every API call needs a bearer token.
 */
final class DryadFake extends FakeHost {

    static final String STATIC = "Bearer dryad-token-1";
    static final String ISSUED = "Bearer issued-token-1";

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        if (url.encodedPath().equals("/oauth/token")) {
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            return body.contains("grant_type=client_credentials") && body.contains("client_id=cid-1")
                    && body.contains("client_secret=csecret-1") ? json("dryad/token.json")
                    : status(401, "{\"error\":\"invalid_client\"}");
        }
        String auth = request.getHeaders().get("Authorization");
        if (!STATIC.equals(auth) && !ISSUED.equals(auth)) {
            return status(401, "{\"error\":\"unauthorized\"}");
        }
        return switch (url.encodedPath()) {
            case "/api/v2/datasets/doi%3A10.7959%2Fdryad.p8cz8wf1", "/api/v2/datasets/doi%3A10.5061%2Fdryad.p8cz8wf1" ->
                    json("dryad/dataset-p8cz8wf1.json");
            case "/api/v2/datasets/doi%3A10.7958%2Fdryad.t76hdrd0" -> json("dryad/dataset-embargoed.json");
            case "/api/v2/versions/147/files" -> "2".equals(url.queryParameter("page"))
                    ? json("dryad/files-147-page2.json") : json("dryad/files-147-page1.json");
            default -> null;
        };
    }
}
