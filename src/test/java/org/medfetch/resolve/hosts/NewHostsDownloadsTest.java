package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.medfetch.cli.CliRun;

/**
 * End to end through the real wiring (real HttpTransfer, real SQLite) for the hosts of issue 13: medfetch
 * get of an OSF project from its recorded listing, a Hugging Face dataset through HF_ENDPOINT and its
 * resolve redirect, a Dryad dataset with OAuth client credentials, a Mendeley Data version through
 * freshly signed URLs and an OpenNeuro snapshot from its documented tree; every file verified, no
 * signed URL or credential kept in the workspace.
 */
class NewHostsDownloadsTest extends HostDownloads {

    private static MockResponse redirect(String location) {
        return new MockResponse.Builder().code(302).setHeader("Location", location).build();
    }

    /** Fails when any file of the workspace (state.db, manifests) holds one of {@code secrets}. */
    private void assertWorkspaceHoldsNone(String... secrets) throws IOException {
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(content.contains(secret), () -> secret + " is kept in " + f);
                }
            }
        }
    }

    @Test
    void osfProjectFromItsRecordedListingIsDownloadedAndBothHashesChecked() throws Exception {
        // The bytes whose SHA-256 and MD5 the recording lists for e.txt and f.txt.
        byte[] e = "5\n".getBytes(StandardCharsets.US_ASCII);
        byte[] f = "6\n".getBytes(StandardCharsets.US_ASCII);
        FakeHost osf = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                String site = base().toString().replaceAll("/$", "");
                return switch (url.encodedPath()) {
                    case "/v2/nodes/pvw5x/files/osfstorage/" -> json("osf/root-pvw5x.json");
                    case "/v2/nodes/pvw5x/files/osfstorage/63273d800763dc000a1cfeea/" -> status(200,
                            text("2".equals(url.queryParameter("page")) ? "osf/subdir1_1-page2.json"
                                    : "osf/subdir1_1-page1.json").replace("https://test.osf.io", site));
                    case "/download/63273d84a870ac000a7c02f2/" -> file(e);
                    case "/download/63273d85a870ac000a7c02f8/" -> file(f);
                    default -> null;
                };
            }
        };
        String url = serve(osf);
        CliRun run = medfetch(Map.of(), "--catalog", catalog("OSF Project", "https://osf.io/pvw5x/").toString(),
                "--endpoint", "osf=" + url, "get", "osf-project", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(hex("SHA-256", e) + "  downloads/osf-project/subdir1_1/e.txt"), run.out());
        assertTrue(run.out().contains(hex("SHA-256", f) + "  downloads/osf-project/subdir1_1/f.txt"), run.out());
    }

    @Test
    void huggingfaceDatasetThroughHfEndpointIsPinnedAndFetchedThroughItsRedirect() throws Exception {
        String commit = "0123456789abcdef0123456789abcdef01234567";
        byte[] parquet = bytes(250_000, 11);
        byte[] readme = bytes(3_000, 12);
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        FakeHost hub = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                asked.add(url.encodedPath());
                String tree = "/api/datasets/someone/scans/tree/" + commit;
                try {
                    return switch (url.encodedPath()) {
                        case "/api/datasets/someone/scans/revision/main" -> status(200, "{\"id\":\"someone/scans\",\"sha\":\""
                                + commit + "\",\"private\":false,\"gated\":false,\"disabled\":false}");
                        case "/api/datasets/someone/scans/tree/" + "0123456789abcdef0123456789abcdef01234567" ->
                                url.queryParameter("cursor") == null ? status(200, "[{\"type\":\"file\",\"oid\":\"x\",\"size\":134,"
                                        + "\"path\":\"data/train.parquet\",\"lfs\":{\"oid\":\"" + hex("SHA-256", parquet)
                                        + "\",\"size\":" + parquet.length + ",\"pointerSize\":134}}]").newBuilder()
                                        .setHeader("Link", "<" + tree + "?recursive=true&cursor=2>; rel=\"next\"").build()
                                        : status(200, "[{\"type\":\"file\",\"oid\":\"y\",\"size\":" + readme.length
                                        + ",\"path\":\"README.md\"}]");
                        case "/datasets/someone/scans/resolve/" + "0123456789abcdef0123456789abcdef01234567"
                                + "/data/train.parquet" -> redirect(base() + "cdn/train?X-Amz-Signature=SIGNED-CDN-URL");
                        case "/datasets/someone/scans/resolve/" + "0123456789abcdef0123456789abcdef01234567" + "/README.md" ->
                                redirect("/api/resolve-cache/datasets/someone/scans/" + commit + "/README.md?etag=x");
                        case "/cdn/train" -> file(parquet);
                        case "/api/resolve-cache/datasets/someone/scans/" + "0123456789abcdef0123456789abcdef01234567"
                                + "/README.md" -> file(readme);
                        default -> null;
                    };
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
        };
        String url = serve(hub);
        Path catalog = catalog("HF Scans", "https://huggingface.co/datasets/someone/scans");
        CliRun run = medfetch(Map.of("HF_ENDPOINT", url), "--catalog", catalog.toString(), "get", "hf-scans",
                "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(hex("SHA-256", parquet) + "  downloads/hf-scans/data/train.parquet"), run.out());
        assertTrue(run.out().contains(hex("SHA-256", readme) + "  downloads/hf-scans/README.md"), run.out());
        assertTrue(asked.contains("/cdn/train"), asked::toString);
        CliRun manifest = medfetch(Map.of("HF_ENDPOINT", url), "--catalog", catalog.toString(), "manifest");
        assertEquals(0, manifest.exitCode(), manifest.err());
        String written = Files.readString(workspace.resolve("manifests/default.json"));
        assertTrue(written.contains("/resolve/" + commit + "/data/train.parquet"), "the manifest pins the commit: " + written);
        assertWorkspaceHoldsNone("SIGNED-CDN-URL");
    }

    @Test
    void dryadDatasetWithClientCredentialsIsDownloadedWithoutKeepingThem() throws Exception {
        byte[] data = bytes(120_000, 21);
        String id = "dryad-id-77";
        String secret = "dryad-secret-88";
        FakeHost dryad = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                String auth = r.getHeaders().get("Authorization");
                try {
                    if (url.encodedPath().equals("/oauth/token")) {
                        return r.getBody().utf8().contains("client_secret=" + secret)
                                ? status(200, "{\"access_token\":\"ISSUED-77\",\"token_type\":\"Bearer\",\"expires_in\":36000}")
                                : status(401, "{\"error\":\"invalid_client\"}");
                    }
                    if (url.encodedPath().equals("/s3/scans.zip")) {
                        return file(data);
                    }
                    if (!"Bearer ISSUED-77".equals(auth)) {
                        return status(401, "{\"error\":\"unauthorized\"}");
                    }
                    return switch (url.encodedPath()) {
                        case "/api/v2/datasets/doi%3A10.5061%2Fdryad.abc123" -> status(200, "{\"identifier\":"
                                + "\"doi:10.5061/dryad.abc123\",\"title\":\"Scans\",\"curationStatus\":\"Published\","
                                + "\"_links\":{\"stash:version\":{\"href\":\"/api/v2/versions/7\"}}}");
                        case "/api/v2/versions/7/files" -> status(200, "{\"_embedded\":{\"stash:files\":[{\"path\":"
                                + "\"scans.zip\",\"size\":" + data.length + ",\"digest\":\"" + hex("SHA-256", data)
                                + "\",\"digestType\":\"sha-256\",\"_links\":{\"stash:download\":{\"href\":"
                                + "\"/api/v2/files/9/download\"}}}]},\"_links\":{}}");
                        case "/api/v2/files/9/download" -> redirect(base() + "s3/scans.zip?X-Amz-Signature=DRYAD-SIGNED");
                        default -> null;
                    };
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
        };
        String url = serve(dryad);
        CliRun run = medfetch(Map.of("DRYAD_CLIENT_ID", id, "DRYAD_CLIENT_SECRET", secret), "--catalog",
                catalog("Dryad Scans", "https://datadryad.org/stash/dataset/doi:10.5061/dryad.abc123").toString(),
                "--endpoint", "dryad=" + url, "get", "dryad-scans", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(hex("SHA-256", data) + "  downloads/dryad-scans/scans.zip"), run.out());
        assertFalse((run.out() + run.err()).contains(secret) || (run.out() + run.err()).contains("ISSUED-77"));
        assertWorkspaceHoldsNone(secret, "ISSUED-77", "DRYAD-SIGNED");
    }

    @Test
    void mendeleyVersionIsFetchedThroughSignedUrlsAskedForAtEachAttempt() throws Exception {
        byte[] zip = bytes(90_000, 31);
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        FakeHost mendeley = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                asked.add(url.encodedPath());
                try {
                    return switch (url.encodedPath()) {
                        case "/public-api/datasets/abcdef1234" -> status(200, "{\"id\":\"abcdef1234\",\"name\":\"X-rays\","
                                + "\"version\":3,\"files\":[{\"id\":\"file-1\",\"filename\":\"xrays.zip\",\"folder_id\":"
                                + "\"root\",\"content_details\":{\"size\":" + zip.length + ",\"sha256_hash\":\""
                                + hex("SHA-256", zip) + "\",\"download_url\":\"" + base()
                                + "signed/xrays?X-Amz-Signature=MENDELEY-SIGNED\"}}]}");
                        case "/signed/xrays" -> "MENDELEY-SIGNED".equals(url.queryParameter("X-Amz-Signature"))
                                ? file(zip) : status(403, "expired");
                        default -> null;
                    };
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
        };
        String url = serve(mendeley);
        CliRun run = medfetch(Map.of(), "--catalog", catalog("X-rays", "https://data.mendeley.com/datasets/abcdef1234/3")
                .toString(), "--endpoint", "mendeley=" + url, "get", "x-rays", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(hex("SHA-256", zip) + "  downloads/x-rays/xrays.zip"), run.out());
        assertTrue(asked.stream().filter(p -> p.equals("/public-api/datasets/abcdef1234")).count() >= 2,
                "resolved, then asked again for the signed URL before the download: " + asked);
        assertWorkspaceHoldsNone("MENDELEY-SIGNED");
    }

    @Test
    void openNeuroSnapshotFromItsDocumentedTreeIsDownloaded() throws Exception {
        byte[] changes = bytes(273, 41);
        byte[] readme = bytes(807, 42);
        byte[] description = bytes(150, 43);
        byte[] t1 = bytes(64_000, 44);
        FakeHost openneuro = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                String prefix = "/crn/datasets/ds000001/snapshots/1.0.0/files/";
                try {
                    if (url.encodedPath().equals("/crn/graphql")) {
                        String body = r.getBody().utf8();
                        if (body.contains("\"tree\":null")) {
                            return json("openneuro/root-ds000001-1.0.0.json");
                        }
                        if (body.contains("10834f1acb4897eaed5b29fc642718451100721b")) {
                            return json("openneuro/sub-01.json");
                        }
                        if (body.contains("c63eeb1e0f41fea629f34269025f9d8225a2f3ff")) {
                            return status(200, "{\"data\":{\"snapshot\":{\"files\":[{\"id\":\"t1\",\"key\":\"SHA256E-s"
                                    + t1.length + "--" + hex("SHA-256", t1) + ".nii.gz\",\"filename\":\"sub-01_T1w.nii.gz\","
                                    + "\"size\":" + t1.length + ",\"directory\":false,\"annexed\":true,\"urls\":[]}]}}}");
                        }
                        return status(200, "{\"data\":{\"snapshot\":{\"files\":[]}}}");
                    }
                    return switch (url.encodedPath().replace(prefix, "")) {
                        case "CHANGES" -> file(changes);
                        case "README" -> file(readme);
                        case "dataset_description.json" -> file(description);
                        case "sub-01:anat:sub-01_T1w.nii.gz" -> file(t1);
                        default -> null;
                    };
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
        };
        String url = serve(openneuro);
        CliRun run = medfetch(Map.of(), "--catalog", catalog("ds000001", "https://openneuro.org/datasets/ds000001/versions/1.0.0")
                .toString(), "--endpoint", "openneuro=" + url, "get", "ds000001", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(hex("SHA-256", changes) + "  downloads/ds000001/CHANGES"), run.out());
        assertTrue(run.out().contains(hex("SHA-256", t1) + "  downloads/ds000001/sub-01/anat/sub-01_T1w.nii.gz"), run.out());
        assertEquals(4, run.out().lines().filter(l -> l.matches("[0-9a-f]{64}  downloads/ds000001/.*")).count(), run.out());
    }
}
