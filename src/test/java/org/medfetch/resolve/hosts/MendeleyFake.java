package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** Mendeley Data's public API: a dataset version with a file in the root and one two folders down. */
final class MendeleyFake extends FakeHost {

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        if (!"application/vnd.mendeley-public-dataset.1+json".equals(request.getHeaders().get("Accept"))) {
            return status(406, "{\"message\":\"Not Acceptable\"}");
        }
        return switch (url.encodedPath()) {
            case "/public-api/datasets/rscbjbr9sj" -> json("mendeley/dataset-rscbjbr9sj-2.json");
            case "/public-api/datasets/rscbjbr9sj/folders/2" -> json("mendeley/folders-rscbjbr9sj-2.json");
            default -> null;
        };
    }
}
