package org.medfetch.resolve.hosts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A hostile host: answers every request with one status and an error text that repeats the request's
 * credentials in every form a careless server might (as sent, the {@code user:key} pair and key inside
 * Basic, the token after Bearer, each also in Base64 standard and URL-safe with and without padding,
 * and URL-encoded), plus the request's body and full URL, in every field an API puts its error in. A
 * 200 carries a non-zero {@code errorCode} (AI Studio's refusal) and Kaggle's {@code errorMessage}.
 */
final class EchoingHost extends FakeHost {

    private final int code;
    private final boolean json;

    EchoingHost(int code) {
        this(code, true);
    }

    /** @param json false: an HTML body, and the echo also in the Content-Type header */
    EchoingHost(int code, boolean json) {
        this.code = code;
        this.json = json;
    }

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        String echo = String.join(" ", echoes(request.getHeaders().get("Authorization"))) + " body="
                + (request.getBody() == null ? "" : request.getBody().utf8()) + " url=" + url;
        if (!json) {
            return new MockResponse.Builder().code(code).setHeader("Content-Type", "text/html; x=" + echo
                    .replaceAll("[^\\x21-\\x7e]", "_")).body("<html><body>" + echo + "</body></html>").build();
        }
        String quoted = "\"" + echo.replace("\\", "\\\\").replace("\"", "'") + "\"";
        return status(code, "{\"errorCode\": 1, \"message\": " + quoted + ", \"errorMessage\": " + quoted
                + ", \"errorMsg\": " + quoted + ", \"msg\": " + quoted + ", \"detail\": " + quoted + "}");
    }

    /** Every form of the secrets an Authorization header holds. */
    static List<String> echoes(String authorization) {
        List<String> secrets = new ArrayList<>();
        if (authorization != null) {
            secrets.add(authorization);
            int space = authorization.indexOf(' ');
            String token = space < 0 ? authorization : authorization.substring(space + 1);
            secrets.add(token);
            if (authorization.startsWith("Basic ")) {
                String pair = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
                secrets.add(pair);
                secrets.add(pair.substring(pair.indexOf(':') + 1));
            }
        }
        List<String> all = new ArrayList<>();
        for (String secret : secrets) {
            all.addAll(forms(secret));
        }
        return all;
    }

    /** A secret as sent, in Base64 (standard, URL-safe, each with and without padding) and URL-encoded. */
    static List<String> forms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        return List.of(secret, Base64.getEncoder().encodeToString(bytes),
                Base64.getEncoder().withoutPadding().encodeToString(bytes), Base64.getUrlEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }
}
