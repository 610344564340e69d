package org.medfetch.resolve.hosts.buckets;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.medfetch.resolve.hosts.FakeHost;

/** The Cloud Storage JSON API: gcsfs's recorded two-page listing, an empty prefix, refusing buckets. */
public class GcsFake extends FakeHost {

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        String prefix = url.queryParameter("prefix");
        return switch (url.encodedPath()) {
            case "/storage/v1/b/gcsfs-testing/o" -> !"tmp/test/".equals(prefix) ? json("gcs/objects-empty.json")
                    : url.queryParameter("pageToken") == null ? json("gcs/objects-page1.json")
                    : url.queryParameter("pageToken").equals("Cgp0bXAvdGVzdC9i") ? json("gcs/objects-page2.json") : null;
            case "/storage/v1/b/private/o" -> status(403, "{\"error\": {\"code\": 403, \"message\": "
                    + "\"Anonymous caller does not have storage.objects.list access to the Google Cloud Storage bucket.\"}}");
            case "/storage/v1/b/billed/o" -> status(400, "{\"error\": {\"code\": 400, \"message\": "
                    + "\"Bucket is a requester pays bucket but no user project provided.\"}}");
            default -> null;
        };
    }
}
