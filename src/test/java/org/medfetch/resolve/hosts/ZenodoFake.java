package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Zenodo's records API answering with recorded records (sources in api/zenodo/README.md): an open
 * record of today's API (sandbox 107873), one answered in the shape of October 2023 (4589980), a
 * restricted record whose files are listed apart for a token its owner granted (13505983), and the
 * older record 1200251. Made by hand: the refusals (403) and an embargoed record, which no recording shows.
 */
final class ZenodoFake extends FakeHost {

    /** The token the owner of the restricted record 13505983 granted. */
    static final String GRANTED = "Bearer zenodo-token-123";
    private static final MockResponse REFUSED = status(403, "{\"status\": 403, \"message\": \"Permission denied.\"}");

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        return switch (url.encodedPath()) {
            case "/api/records/107873" -> json("zenodo/record-107873.json");
            case "/api/records/4589980" -> json("zenodo/record-4589980-2023-10.json");
            case "/api/records/13505983" -> json("zenodo/record-13505983.json");
            case "/api/records/13505983/files" -> GRANTED.equals(request.getHeaders().get("Authorization"))
                    ? json("zenodo/files-13505983.json") : REFUSED;
            case "/api/records/1200251" -> json("recorded/zenodo-record-1200251.json");
            case "/api/records/1200251/files" -> json("zenodo/files-1200251.json");
            case "/api/records/9002" -> json("zenodo/record-9002-embargoed.json");
            case "/api/records/9002/files", "/api/records/7777" -> REFUSED;
            default -> null;
        };
    }
}
