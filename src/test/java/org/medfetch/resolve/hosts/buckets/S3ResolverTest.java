package org.medfetch.resolve.hosts.buckets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.Endpoints;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;
import org.medfetch.resolve.hosts.FakeHost;
import org.medfetch.resolve.hosts.HostContext;
import org.medfetch.resolve.hosts.ResolverContract;
import org.medfetch.resolve.hosts.UserConfig;
import org.medfetch.resolve.web.ProbeCache;

class S3ResolverTest extends ResolverContract {

    private static final String ABIDE = "s3://fcp-indi/data/Projects/ABIDE_Initiative/Outputs/cpac/filt_global/rois_cc200/";

    @Override
    protected FakeHost fake() {
        return new S3Fake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new S3Resolver(context);
    }

    @Override
    protected String resolvableLink() {
        return "s3://bucket/";
    }

    @Override
    protected boolean readsJson() {
        return false;
    }

    @Test
    void documentationsTwoPagesAreFollowedWithTheContinuationToken() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("s3://bucket/"));
        assertEquals(List.of("happyface.jpg", "happyfacex.jpg"), fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource first = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(11L, first.size());
        assertEquals(List.of(new Checksum("md5", "70ee1738b6b21e2c8a43f3a5ab0eee71")), first.checksums());
        assertEquals(fake.base() + "bucket/happyface.jpg", first.url().toString());
        assertEquals(1111L, ((Source.HttpSource) fetch.sources().get(1)).size());
        assertEquals(2, fake.to("/bucket").size());
        assertEquals("2", fake.to("/bucket").get(0).getUrl().queryParameter("list-type"));
        assertEquals("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=",
                fake.to("/bucket").get(1).getUrl().queryParameter("continuation-token"));
    }

    @Test
    void aRegionRedirectIsFollowedAndMultipartETagsAreNoMd5() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(ABIDE));
        assertEquals(2, fake.to("/fcp-indi").size(), "the 301 with x-amz-bucket-region is followed once");
        assertEquals(List.of("Caltech_0051456_rois_cc200.1D", "Tom & Jerry.1D", "sub/KKI_0050772_rois_cc200.1D"),
                fetch.sources().stream().map(Source::path).toList(), "the folder marker is no file");
        Source.HttpSource single = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("md5:3f1c6b4a9a3c0d2e8b7f6e5d4c3b2a19", single.checksums().get(0).toString());
        Source.HttpSource multipart = (Source.HttpSource) fetch.sources().get(1);
        assertTrue(multipart.checksums().isEmpty(), "a multipart ETag is not an MD5");
        assertEquals(4192256L, multipart.size());
        assertEquals(fake.base() + "fcp-indi/data/Projects/ABIDE_Initiative/Outputs/cpac/filt_global/rois_cc200/"
                + "Tom%20&%20Jerry.1D", multipart.url().toString());
        assertNull(multipart.auth());
    }

    @Test
    void theRegionPicksTheRegionalEndpointWhenNoneWasChosen() {
        S3Resolver real = new S3Resolver(HostContext.of(Endpoints.NONE, new OkHttpClient(),
                new UserConfig(Map.of(), Path.of("no-home"), w -> { }), ProbeCache.memory()));
        assertEquals("https://s3.us-west-2.amazonaws.com/", real.endpoint("us-west-2").toString());
        assertEquals("https://s3.amazonaws.com/", real.endpoint("us-east-1").toString());
        assertEquals("https://s3.amazonaws.com/", real.endpoint(null).toString());
    }

    @Test
    void aSecondRedirectIsAnError() {
        fake.answerEverything(new MockResponse.Builder().code(301).setHeader("x-amz-bucket-region", "eu-west-1")
                .body(fake.text("s3/permanent-redirect.xml")).build());
        ResolveException e = assertThrows(ResolveException.class, () -> resolve(ABIDE));
        assertFalse(e.retryable());
        assertEquals(2, fake.requests.size());
    }

    @Test
    void aFolderThatRefusesAnonymousListingIsTheAwsCliSteps() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class, resolve("s3://private/data/"));
        String text = manual.instructions().render();
        assertTrue(text.contains("AccessDenied: Access Denied"), text);
        assertTrue(text.contains("requester-pays"), text);
        assertTrue(text.contains("aws s3 sync s3://private/data/ downloads/some-dataset/ --request-payer requester"), text);
        assertTrue(text.contains("medfetch adopt some-dataset"), text);
    }

    @Test
    void oneObjectOfABucketThatRefusesListingIsStillAPlainFile() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://private.s3.amazonaws.com/data/scan.nii.gz"));
        Source.HttpSource file = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("scan.nii.gz", file.path());
        assertEquals(fake.base() + "private/data/scan.nii.gz", file.url().toString());
        assertTrue(file.checksums().isEmpty());
    }

    @Test
    void aKeyWithoutSlashIsTheObjectOfThatName() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("s3://bucket/happyface.jpg"));
        assertEquals(1, fetch.sources().size());
        assertEquals("happyface.jpg", fetch.sources().get(0).path());
    }

    @Test
    void malformedXmlIsAClearFatalError() {
        fake.answerEverything(new MockResponse.Builder().code(200).body("<ListBucketResult><Contents>").build());
        ResolveException e = assertThrows(ResolveException.class, () -> resolve("s3://bucket/"));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().startsWith("unexpected answer from Amazon S3") && e.getMessage().contains("not XML"),
                e.getMessage());
    }

    @Test
    void everyLinkShapeNamesItsBucketKeyAndRegion() {
        assertEquals(new BucketPath("fcp-indi", "data/Projects/", null), S3Resolver.path(URI.create("s3://fcp-indi/data/Projects/")));
        assertEquals(new BucketPath("openneuro.org", "ds000001/", null),
                S3Resolver.path(URI.create("https://openneuro.org.s3.amazonaws.com/ds000001/")));
        assertEquals(new BucketPath("msd-for-monai", "Task09_Spleen.tar", "us-west-2"),
                S3Resolver.path(URI.create("https://msd-for-monai.s3-us-west-2.amazonaws.com/Task09_Spleen.tar")));
        assertEquals(new BucketPath("b", "k/x.zip", "eu-central-1"),
                S3Resolver.path(URI.create("https://b.s3.eu-central-1.amazonaws.com/k/x.zip")));
        assertEquals(new BucketPath("fcp-indi", "data/", "us-east-2"),
                S3Resolver.path(URI.create("https://s3.us-east-2.amazonaws.com/fcp-indi/data/")));
        assertEquals(new BucketPath("fcp-indi", "", null), S3Resolver.path(URI.create("https://s3.amazonaws.com/fcp-indi")));
        assertNull(S3Resolver.path(URI.create("https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4&X-Amz-Signature=abc")),
                "a presigned URL is a plain file");
        assertNull(S3Resolver.path(URI.create("https://example.org/s3.amazonaws.com/x")));
        assertNull(S3Resolver.path(URI.create("https://s3.amazonaws.com/")));
    }
}
