package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** OpenNeuro's GraphQL endpoint: ds000001's latest tag and its 1.0.0 tree (the documentation's examples, and below). */
final class OpenNeuroFake extends FakeHost {

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        if (!url.encodedPath().equals("/crn/graphql") || request.getBody() == null) {
            return null;
        }
        String body = request.getBody().utf8();
        if (body.contains("latestSnapshot")) {
            return body.contains("\"id\":\"ds000001\"") ? json("openneuro/latest-ds000001.json") : null;
        }
        if (!body.contains("\"tag\":\"1.0.0\"")) {
            return json("openneuro/not-found.json");
        }
        if (body.contains("\"tree\":\"10834f1acb4897eaed5b29fc642718451100721b\"")) {
            return json("openneuro/sub-01.json");
        }
        if (body.contains("\"tree\":\"c63eeb1e0f41fea629f34269025f9d8225a2f3ff\"")) {
            return json("openneuro/sub-01-anat.json");
        }
        if (body.contains("\"tree\":\"309cd8eae8896096c8734b024ac52be4743c9f44\"")) {
            return json("openneuro/sub-01-func.json");
        }
        return body.contains("\"tree\":null") ? json("openneuro/root-ds000001-1.0.0.json") : null;
    }
}
