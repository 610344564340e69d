package org.medfetch.resolve.hosts.openxlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import org.medfetch.resolve.hosts.FakeHost;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * OpenXLab: the sign-in API (nonce, then a JWT for the right HMAC of it) under the path openapi uses,
 * and the datasets API: HC18 in two pages, RITE showing only its README, and a dataset whose download
 * check answers 601 (a form to fill in).
 */
public final class OpenXLabFake extends FakeHost {

    public static final String SIGN_IN = "/api/v1/sso-be/api/v1/open/";
    public static final String NONCE = "n0nce-7c41";
    public static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtZWRmZXRjaCJ9.c2lnbmF0dXJl";

    private final String ak;
    private final String sk;

    public OpenXLabFake(String ak, String sk) {
        this.ak = ak;
        this.sk = sk;
    }

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        String path = url.encodedPath();
        if (path.startsWith(SIGN_IN)) {
            return signIn(path.substring(SIGN_IN.length()), body(request));
        }
        if (!JWT.equals(request.getHeaders().get("Authorization"))) {
            return status(401, "{\"msgCode\": \"401\", \"msg\": \"token invalid\"}");
        }
        return switch (path) {
            case "/datasets/api/v2/datasets/OpenDataLab%2CHC18/r/main" -> "cursor-1".equals(url.queryParameter("after"))
                    ? json("openxlab/list-HC18-page2.json") : json("openxlab/list-HC18-page1.json");
            case "/datasets/api/v2/datasets/OpenDataLab%2CRITE/r/main" -> json("openxlab/list-RITE.json");
            case "/datasets/api/v2/datasets/OpenDataLab%2CFORM/r/main" -> json("openxlab/list-FORM.json");
            case "/datasets/api/v2/downloadCheck/4321/main/raw/training_set.zip" -> status(200, "{\"msgCode\": \"10000\"}");
            case "/datasets/api/v2/downloadCheck/9999/main/data.zip" -> status(601, "{\"msgCode\": \"601\", \"msg\": "
                    + "\"请先填写数据集申请表 https://opendatalab.com/OpenDataLab/FORM\"}");
            default -> null;
        };
    }

    private MockResponse signIn(String action, JsonNode body) {
        if (!ak.equals(body.path("ak").asText())) {
            return wrapped("{\"msgCode\": \"20001\", \"msg\": \"ak not found\"}");
        }
        return switch (action) {
            case "auth" -> wrapped("{\"msgCode\": \"10000\", \"msg\": \"success\", \"data\": {\"nonce\": \"" + NONCE
                    + "\", \"algorithm\": \"HmacSHA256\"}}");
            case "getJwt" -> expected().equals(body.path("d").asText())
                    ? wrapped("{\"msgCode\": \"10000\", \"msg\": \"success\", \"data\": {\"jwt\": \"" + JWT
                            + "\", \"expiration\": \"2099-12-31 23:59:59\", \"sso_uid\": \"u1\", \"refresh_token\": "
                            + "\"r1\", \"refresh_expiration\": \"2099-12-31 23:59:59\"}}")
                    : wrapped("{\"msgCode\": \"20002\", \"msg\": \"signature mismatch\"}");
            default -> null;
        };
    }

    /** The sign-in API wraps its answer in a second envelope. */
    private static MockResponse wrapped(String inner) {
        return status(200, "{\"msgCode\": \"10000\", \"msg\": \"success\", \"data\": " + inner + "}");
    }

    private String expected() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sk.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(NONCE.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode body(RecordedRequest request) {
        try {
            return new ObjectMapper().readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
