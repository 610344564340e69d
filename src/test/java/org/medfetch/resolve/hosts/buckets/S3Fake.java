package org.medfetch.resolve.hosts.buckets;

import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.medfetch.resolve.hosts.FakeHost;

/**
 * S3's path-style REST API: the documentation's two-page listing of "bucket", the INDI bucket (which
 * first answers 301 with its region, as S3 does for a bucket outside us-east-1), a bucket that refuses
 * anonymous listing, and objects to download.
 */
public class S3Fake extends FakeHost {

    private final AtomicBoolean redirected = new AtomicBoolean();

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        String prefix = url.queryParameter("prefix");
        return switch (url.encodedPath()) {
            case "/bucket" -> prefix != null && prefix.endsWith("/") ? empty("bucket", prefix)
                    : url.queryParameter("continuation-token") == null ? xml("s3/list-page1.xml")
                    : url.queryParameter("continuation-token").equals("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
                    ? xml("s3/list-page2.xml") : null;
            case "/fcp-indi" -> redirected.compareAndSet(false, true)
                    ? new MockResponse.Builder().code(301).setHeader("x-amz-bucket-region", "us-west-2")
                    .setHeader("Content-Type", "application/xml").body(text("s3/permanent-redirect.xml")).build()
                    : "data/Projects/ABIDE_Initiative/Outputs/cpac/filt_global/rois_cc200/".equals(prefix)
                    ? xml("s3/list-abide.xml") : empty("fcp-indi", prefix);
            case "/private" -> new MockResponse.Builder().code(403).setHeader("Content-Type", "application/xml")
                    .body(text("s3/access-denied.xml")).build();
            default -> null;
        };
    }

    protected MockResponse xml(String resource) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/xml").body(text(resource))
                .build();
    }

    /** A listing with no keys, in the documented shape. */
    protected static MockResponse empty(String bucket, String prefix) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/xml").body(
                "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + bucket + "</Name><Prefix>"
                        + (prefix == null ? "" : prefix) + "</Prefix><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys>"
                        + "<IsTruncated>false</IsTruncated></ListBucketResult>").build();
    }
}
