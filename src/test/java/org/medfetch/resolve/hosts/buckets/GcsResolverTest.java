package org.medfetch.resolve.hosts.buckets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;
import org.medfetch.resolve.hosts.FakeHost;
import org.medfetch.resolve.hosts.HostContext;
import org.medfetch.resolve.hosts.ResolverContract;

class GcsResolverTest extends ResolverContract {

    @Override
    protected FakeHost fake() {
        return new GcsFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new GcsResolver(context);
    }

    @Override
    protected String resolvableLink() {
        return "gs://gcsfs-testing/tmp/test/";
    }

    @Test
    void recordedPagesAreFollowedAndTheirMd5AndCrc32cKept() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("gs://gcsfs-testing/tmp/test/"));
        assertEquals(List.of("a", "b", "c"), fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource a = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(0L, a.size());
        assertEquals(List.of(new Checksum("md5", "d41d8cd98f00b204e9800998ecf8427e"), new Checksum("crc32c", "00000000")),
                a.checksums());
        assertEquals(fake.base() + "gcsfs-testing/tmp/test/a", a.url().toString());
        assertEquals("Cgp0bXAvdGVzdC9i", fake.to("/storage/v1/b/gcsfs-testing/o").get(1).getUrl().queryParameter("pageToken"));
    }

    @Test
    void aPrefixWithoutSlashIsTheFolderOfThatName() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://storage.googleapis.com/gcsfs-testing/tmp/test"));
        assertEquals(List.of("test/a", "test/b", "test/c"), fetch.sources().stream().map(Source::path).toList());
        Resolution.Fetch console = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://console.cloud.google.com/storage/browser/gcsfs-testing/tmp/test"));
        assertEquals(3, console.sources().size());
    }

    @Test
    void anEmptyPrefixIsAClearError() {
        ResolveException e = assertThrows(ResolveException.class, () -> resolve("gs://gcsfs-testing/nothing/"));
        assertTrue(e.getMessage().contains("lists no objects under gs://gcsfs-testing/nothing/"), e.getMessage());
    }

    @Test
    void refusingAndBillingBucketsAreGcloudSteps() throws ResolveException {
        String denied = assertInstanceOf(Resolution.Manual.class, resolve("gs://private/scans/")).instructions().render();
        assertTrue(denied.contains("gcloud storage cp -r gs://private/scans/ downloads/some-dataset/"), denied);
        String billed = assertInstanceOf(Resolution.Manual.class, resolve("gs://billed/")).instructions().render();
        assertTrue(billed.contains("bills the requester"), billed);
        assertTrue(billed.contains("--billing-project=<your project> gs://billed/"), billed);
        Resolution.Fetch one = assertInstanceOf(Resolution.Fetch.class, resolve("gs://private/scans/x.dcm"));
        assertEquals(fake.base() + "private/scans/x.dcm", ((Source.HttpSource) one.sources().get(0)).url().toString());
    }

    @Test
    void everyLinkShapeNamesItsBucketAndPrefix() {
        assertEquals(new BucketPath("idc-open-data", "a/", null), GcsResolver.path(URI.create("gs://idc-open-data/a/")));
        assertEquals(new BucketPath("b", "x/y.csv", null), GcsResolver.path(URI.create("https://storage.googleapis.com/b/x/y.csv")));
        assertEquals(new BucketPath("b", "x/", null), GcsResolver.path(URI.create("https://b.storage.googleapis.com/x/")));
        assertEquals(new BucketPath("gcs-public-data--healthcare-nih-chest-xray", "png/", null), GcsResolver.path(
                URI.create("https://console.cloud.google.com/storage/browser/gcs-public-data--healthcare-nih-chest-xray/png")));
        assertNull(GcsResolver.path(URI.create("https://storage.googleapis.com/storage/v1/b/x/o")));
        assertNull(GcsResolver.path(URI.create("https://storage.googleapis.com/b/k?X-Goog-Signature=abc")));
        assertNull(GcsResolver.path(URI.create("https://console.cloud.google.com/home")));
    }
}
