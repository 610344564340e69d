package org.medfetch.resolve.hosts;

import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * AI Studio's dataset API: the detail of dataset 35660 and a signing endpoint that gives a new signed
 * BOS URL each time. A request without the expected token gets the site's "need login" error code.
 */
final class AiStudioFake extends FakeHost {

    private final String token;
    private final AtomicInteger signatures = new AtomicInteger();

    AiStudioFake(String token) {
        this.token = token;
    }

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        if (!token.equals(request.getHeaders().get("Authorization"))) {
            return status(200, "{\"errorCode\": 100001, \"errorMsg\": \"need login or access token\"}");
        }
        if (url.encodedPath().equals("/studio/dataset/detail") && request.getMethod().equals("POST")) {
            return request.getBody() != null && request.getBody().utf8().equals("datasetId=35660")
                    ? json("aistudio/detail-35660.json") : status(200, "{\"errorCode\": 3, \"errorMsg\": \"数据集不存在\"}");
        }
        if (url.encodedPath().matches("/llm/files/datasets/35660/file/\\d+/download")) {
            return status(200, "{\"errorCode\": 0, \"errorMsg\": \"\", \"result\": {\"fileUrl\": "
                    + "\"https://bj.bcebos.com/v1/ai-studio-online/netdisk/file.zip?authorization=bce-auth-v1%2Fsig"
                    + signatures.incrementAndGet() + "&responseContentDisposition=attachment\"}}");
        }
        return null;
    }
}
