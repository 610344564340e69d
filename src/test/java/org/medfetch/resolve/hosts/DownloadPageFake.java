package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** The download pages of Simula (Kvasir), the ISIC challenge and FORTH (FIRE), and one without archives. */
final class DownloadPageFake extends FakeHost {

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        return switch (url.encodedPath()) {
            case "/kvasir/" -> html(text("pages/kvasir.html"));
            case "/data/" -> html(text("pages/isic.html"));
            case "/cvrl/fire/" -> html(text("pages/fire.html"));
            case "/hyper-kvasir/" -> html("<html><body>Moved to <a href=\"https://osf.io/mh9sj/\">OSF</a></body></html>");
            default -> null;
        };
    }
}
