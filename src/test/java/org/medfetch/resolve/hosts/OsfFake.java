package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** OSF's API: project pvw5x (recorded: a root with one folder whose two files come on two pages), a private project. */
final class OsfFake extends FakeHost {

    static final String TOKEN = "Bearer osf-token-1";

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        return switch (url.encodedPath()) {
            case "/v2/nodes/pvw5x/files/osfstorage/" -> json("osf/root-pvw5x.json");
            case "/v2/nodes/pvw5x/files/osfstorage/63273d800763dc000a1cfeea/",
                 "/v2/registrations/reg01/files/osfstorage/63273d800763dc000a1cfeea/" -> "2".equals(url.queryParameter("page"))
                    ? json("osf/subdir1_1-page2.json") : json("osf/subdir1_1-page1.json");
            case "/v2/nodes/priv1/files/osfstorage/" -> TOKEN.equals(request.getHeaders().get("Authorization"))
                    ? json("osf/private-priv1.json") : status(401, text("osf/not-authenticated-401.json"));
            case "/v2/registrations/reg01/files/osfstorage/" -> json("osf/root-pvw5x.json");
            default -> null;
        };
    }
}
