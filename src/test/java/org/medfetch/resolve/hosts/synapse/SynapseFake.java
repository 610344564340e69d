package org.medfetch.resolve.hosts.synapse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.medfetch.resolve.hosts.FakeHost;

/**
 * Synapse's repository API for one token: project syn42690 (two pages of children, a sub-folder),
 * controlled folder syn555, file downloads through /entity/{id}/file?redirect=false (a pre-signed URL
 * on this server, under /storage/, which refuses the token) .
 */
public class SynapseFake extends FakeHost {

    private final String token;
    private final byte[] first;
    private final byte[] labels;

    public SynapseFake(String token, byte[] first, byte[] labels) {
        this.token = token;
        this.first = first;
        this.labels = labels;
    }

    public SynapseFake(String token) {
        this(token, new byte[] {1, 2, 3}, new byte[] {4, 5});
    }

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        String path = url.encodedPath();
        if (path.startsWith("/storage/")) {
            return request.getHeaders().get("Authorization") != null ? status(400, "<Error>two auths</Error>")
                    : new MockResponse.Builder().code(200).body(new Buffer().write(path.endsWith("syn123") ? first : labels))
                    .build();
        }
        if (!("Bearer " + token).equals(request.getHeaders().get("Authorization"))) {
            return status(401, "{\"reason\":\"Invalid access token\"}");
        }
        return switch (path) {
            case "/repo/v1/entity/syn42690/bundle2" -> json("synapse/bundle-syn42690.json");
            case "/repo/v1/entity/syn123/bundle2" -> bundle("synapse/bundle-syn123.json", "123", first);
            case "/repo/v1/entity/syn789/bundle2" -> bundle("synapse/bundle-syn789.json", "789", labels);
            case "/repo/v1/entity/syn555/bundle2" -> json("synapse/bundle-syn555-controlled.json");
            case "/repo/v1/entity/syn777/bundle2" -> status(403, "{\"reason\":\"You lack READ access to the requested entity.\"}");
            case "/repo/v1/entity/children" -> children(request.getBody().utf8());
            case "/repo/v1/entity/syn123/file", "/repo/v1/entity/syn789/file" -> "false".equals(url.queryParameter("redirect"))
                    ? new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain")
                    .body(base() + "storage/" + path.split("/")[4] + "?X-Amz-Signature=SIGNED-" + System.nanoTime()).build()
                    : null;
            default -> null;
        };
    }

    private MockResponse children(String body) {
        if (body.contains("\"parentId\":\"syn456\"")) {
            return json("synapse/children-syn456.json");
        }
        return body.contains("T O K E N") ? json("synapse/children-page2.json") : json("synapse/children-page1.json");
    }

    private MockResponse bundle(String resource, String id, byte[] data) {
        try {
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
            return status(200, text(resource).replace("{{md5-" + id + "}}", md5).replace("{{size-" + id + "}}",
                    Integer.toString(data.length)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
