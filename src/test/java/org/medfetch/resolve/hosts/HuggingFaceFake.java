package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The Hub API: nyu-mll/glue (two tree pages joined by a Link header, and its ax folder), the model
 * bert-base-uncased (recorded tree), a gated dataset that a granted token opens, a disabled one, and a
 * private one that answers 401.
 */
final class HuggingFaceFake extends FakeHost {

    static final String GRANTED = "Bearer hf-granted-token";
    static final String GLUE = "cb2099c76426ff97da7aa591cbd317d91fb5fcb7";
    static final String BERT = "dd4bc8b21efa05ec961e3efc4ee5e3832a3679c7";
    static final String GATED = "4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f";

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        String auth = request.getHeaders().get("Authorization");
        return switch (url.encodedPath()) {
            case "/api/datasets/nyu-mll/glue/revision/main" -> json("huggingface/info-glue.json");
            case "/api/datasets/nyu-mll/glue/tree/" + GLUE -> "2".equals(url.queryParameter("cursor"))
                    ? json("huggingface/tree-glue-page2.json")
                    : json("huggingface/tree-glue-page1.json").newBuilder().setHeader("Link",
                    "<" + base() + "api/datasets/nyu-mll/glue/tree/" + GLUE + "?recursive=true&cursor=2>; rel=\"next\"")
                    .build();
            case "/api/datasets/nyu-mll/glue/tree/" + GLUE + "/ax" -> json("huggingface/tree-glue-ax.json");
            case "/api/models/google-bert/bert-base-uncased/revision/main" ->
                    json("huggingface/info-bert-base-uncased.json");
            case "/api/models/google-bert/bert-base-uncased/tree/" + BERT -> json("huggingface/tree-bert-base-uncased.json");
            case "/api/datasets/gated-org/scans/revision/main" -> json("huggingface/info-gated.json");
            case "/api/datasets/gated-org/scans/auth-check" -> GRANTED.equals(auth) ? status(200, "{}")
                    : status(403, "{\"error\":\"Access to dataset gated-org/scans is restricted and you are not in the "
                    + "authorized list. Visit https://huggingface.co/datasets/gated-org/scans to ask for access.\"}");
            case "/api/datasets/gated-org/scans/tree/" + GATED -> GRANTED.equals(auth)
                    ? json("huggingface/tree-gated.json") : status(403, "{\"error\":\"not granted\"}");
            case "/api/datasets/hendrycks/competition_math/revision/main" -> json("huggingface/info-disabled.json");
            case "/api/datasets/someone/private-scans/revision/main" ->
                    status(401, text("huggingface/gated-401.json"));
            default -> null;
        };
    }
}
