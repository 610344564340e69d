package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** Gitee's API v5: GasHisSDB, and a repository whose answer lacks the default branch. */
final class GiteeFake extends FakeHost {

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        return switch (url.encodedPath()) {
            case "/repos/neuhwm/GasHisSDB" -> json("gitee/repo-GasHisSDB.json");
            case "/repos/odd/repo" -> status(200, "{\"full_name\":\"odd/repo\"}");
            default -> null;
        };
    }
}
