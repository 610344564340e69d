package org.medfetch.resolve.hosts.kaggle;

import mockwebserver3.MockResponse;
import org.medfetch.resolve.hosts.FakeHost;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Kaggle's REST API v1: the rsna-bone-age dataset in two pages, the answer recorded for a dataset whose
 * files all lie in folders (an empty list; see api/kaggle/README.md), a competition whose rules the user
 * accepted (its archive redirects to storage), one whose rules they did not (403 with Kaggle's
 * wording). Requests without the expected Authorization header get Kaggle's 401.
 */
public final class KaggleFake extends FakeHost {

    public static final String ACCEPTED = "siim-isic-melanoma-classification";
    public static final String NOT_ACCEPTED = "rsna-pneumonia-detection-challenge";
    /** A competition whose archive comes straight back instead of through a redirect. */
    public static final String DIRECT = "prostate-cancer-grade-assessment";
    /** Kaggle's exact words before the rules are accepted (openai/mle-bench#29). */
    public static final String RULES = "{\"code\":403,\"message\":\"You must accept this competition's rules before "
            + "you'll be able to download files.\"}";

    private final String authorization;

    /** @param authorization the header value every request must carry */
    public KaggleFake(String authorization) {
        this.authorization = authorization;
    }

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        if (!authorization.equals(request.getHeaders().get("Authorization"))) {
            return status(401, "{\"code\":401,\"message\":\"Unauthenticated\"}");
        }
        return switch (url.encodedPath()) {
            case "/datasets/list/kmader/rsna-bone-age" -> url.queryParameter("pageToken") == null
                    ? json("kaggle/datasets-list-page1.json")
                    : "CfDJ8Page2".equals(url.queryParameter("pageToken")) ? json("kaggle/datasets-list-page2.json") : null;
            case "/datasets/view/kmader/rsna-bone-age" -> json("kaggle/datasets-view.json");
            case "/datasets/list/jonathanbesomi/rsna-miccai-png" -> json("kaggle/datasets-list-rsna-miccai-png.json");
            case "/competitions/data/list/" + ACCEPTED -> json("kaggle/competition-files.json");
            case "/competitions/data/list/" + NOT_ACCEPTED, "/competitions/data/list/" + DIRECT ->
                    json("kaggle/competition-files-array.json");
            case "/competitions/data/download-all/" + DIRECT -> new MockResponse.Builder().code(200)
                    .setHeader("Content-Type", "application/zip").body("PK" + "z".repeat(2 << 20)).build();
            case "/competitions/data/download-all/" + ACCEPTED -> new MockResponse.Builder().code(302)
                    .setHeader("Location", "https://storage.googleapis.com/kaggle-competitions-data/kaggle-v2/20270/"
                            + "1222630/bundle/archive.zip?GoogleAccessId=web-data&Expires=1&Signature=abc").build();
            case "/competitions/data/download-all/" + NOT_ACCEPTED -> status(403, RULES);
            default -> null;
        };
    }
}
