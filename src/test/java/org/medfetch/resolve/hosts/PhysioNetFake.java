package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * physionet.org: an open project, the platform's demo project, a landing page naming the latest version,
 * and a credentialed project that answers 401 to wget (403 to anything else, as PhysioNet does) and
 * opens to {@link #USER}:{@link #PASSWORD}.
 */
final class PhysioNetFake extends FakeHost {

    static final String USER = "someone";
    static final String PASSWORD = "physionet-pw-1";

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        String agent = String.valueOf(request.getHeaders().get("User-Agent"));
        String basic = okhttp3.Credentials.basic(USER, PASSWORD);
        return switch (url.encodedPath()) {
            case "/files/mitdb/1.0.0/SHA256SUMS.txt" -> text200(text("physionet/SHA256SUMS-mitdb.txt"));
            case "/files/demopsn/1.0/SHA256SUMS.txt" -> text200(text("physionet/SHA256SUMS-demopsn.txt"));
            case "/content/mitdb/" -> html("<a href=\"/content/mitdb/1.0.0/\">Version 1.0.0</a>"
                    + "<a href=\"/files/mitdb/1.0.0/100.dat\">100.dat</a>");
            case "/files/mimic-cxr-jpg/2.1.0/SHA256SUMS.txt" -> basic.equals(request.getHeaders().get("Authorization"))
                    && agent.startsWith("Wget/") ? text200(text("physionet/SHA256SUMS-demopsn.txt"))
                    : agent.startsWith("Wget/") ? new MockResponse.Builder().code(401)
                    .setHeader("WWW-Authenticate", "Basic realm=\"PhysioNet\", charset=\"UTF-8\"").body("").build()
                    : status(403, "<h1>403 Forbidden</h1>");
            default -> null;
        };
    }

    private static MockResponse text200(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain").body(body).build();
    }
}
