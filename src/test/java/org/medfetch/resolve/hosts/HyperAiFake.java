package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** hyper.ai dataset pages: one with its BT links, one with two torrents, one without any. */
final class HyperAiFake extends FakeHost {

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        return switch (url.encodedPath()) {
            case "/cn/datasets/5666" -> html(text("hyperai/dataset-5666.html"));
            case "/cn/datasets/2" -> html(text("hyperai/dataset-two.html"));
            case "/cn/datasets/3" -> html(text("hyperai/dataset-none.html"));
            default -> null;
        };
    }
}
