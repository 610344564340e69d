package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** Zenodo's records API: a current record, an older one, one listing files apart, restricted ones. */
final class ZenodoFake extends FakeHost {

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        return switch (url.encodedPath()) {
            case "/api/records/7105232" -> json("zenodo/record-7105232.json");
            case "/api/records/1214456" -> json("zenodo/record-1214456.json");
            case "/api/records/5555" -> json("zenodo/record-5555.json");
            case "/api/records/5555/files" -> json("zenodo/files-5555.json");
            case "/api/records/1200251" -> json("recorded/zenodo-record-1200251.json");
            case "/api/records/1200251/files" -> json("zenodo/files-1200251.json");
            case "/api/records/9001" -> json("zenodo/record-9001-restricted.json");
            case "/api/records/9002" -> json("zenodo/record-9002-embargoed.json");
            case "/api/records/9001/files", "/api/records/9002/files" ->
                    status(403, "{\"status\": 403, \"message\": \"Permission denied.\"}");
            case "/api/records/7777" -> status(403, "{\"status\": 403, \"message\": \"Permission denied.\"}");
            case "/api/records/8888" -> request.getHeaders().get("Authorization") == null
                    ? status(403, "{\"status\": 403, \"message\": \"Permission denied.\"}")
                    : json("zenodo/record-8888.json");
            default -> null;
        };
    }
}
