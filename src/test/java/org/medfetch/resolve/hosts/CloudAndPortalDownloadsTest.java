package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.cli.CliRun;
import org.medfetch.resolve.hosts.buckets.S3Fake;
import org.medfetch.resolve.hosts.gdrive.DriveFake;
import org.medfetch.resolve.hosts.synapse.SynapseFake;

/**
 * End to end through the real wiring (medfetch get: resolver, SQLite queue, HttpTransfer, verification)
 * for the hosts of issue 13: an S3 prefix over two listing pages, a GCS prefix with MD5 and CRC32C
 * (and one object whose CRC32C is wrong), a PhysioNet project, a Synapse project with a token, Google
 * Drive's large-file confirmation and its quota page, and the INDI bucket as ABIDE's mirror.
 */
class CloudAndPortalDownloadsTest {

    @TempDir
    Path workspace;

    @TempDir
    Path home;

    @TempDir
    Path dir;

    private final List<MockWebServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(MockWebServer::close);
    }

    private String serve(FakeHost fake) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(fake);
        server.start();
        servers.add(server);
        fake.base(server.url("/"));
        return server.url("/").toString().replaceAll("/$", "");
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] digest(String algorithm, byte[] data) throws Exception {
        return MessageDigest.getInstance(algorithm).digest(data);
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(digest(algorithm, data));
    }

    private static MockResponse file(byte[] data) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                .body(new Buffer().write(data)).build();
    }

    private Path catalog(String name, String link) throws IOException {
        Path file = dir.resolve("catalog.md");
        Files.writeString(file, "| Dataset | Link |\n|---|---|\n| " + name + " | " + link + " |\n");
        return file;
    }

    private CliRun medfetch(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("--workspace", workspace.toString()));
        all.addAll(List.of(args));
        return CliRun.run(env, home, all.toArray(String[]::new));
    }

    private CliRun get(String name, String link, String endpoint, Map<String, String> env) throws IOException {
        return medfetch(env, "--catalog", catalog(name, link).toString(), "--endpoint", endpoint, "get",
                name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), "--no-progress", "--retries", "0");
    }

    @Test
    void anS3PrefixOverTwoPagesIsDownloadedAndItsSinglePartMd5Checked() throws Exception {
        byte[] a = bytes(250_000, 1);
        byte[] b = bytes(40_000, 2);
        byte[] big = bytes(90_000, 3);
        FakeHost s3 = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                try {
                    return switch (url.encodedPath()) {
                        case "/scans-bucket" -> listing(url.queryParameter("continuation-token"));
                        case "/scans-bucket/ct/a.nii.gz" -> file(a);
                        case "/scans-bucket/ct/b.nii.gz" -> file(b);
                        case "/scans-bucket/ct/more/big.nii.gz" -> file(big);
                        default -> null;
                    };
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            private MockResponse listing(String token) throws Exception {
                String body = token == null
                        ? contents("ct/a.nii.gz", a, "\"" + hex("MD5", a) + "\"") + contents("ct/b.nii.gz", b, "\"" + hex("MD5", b) + "\"")
                        + "<NextContinuationToken>page/2==</NextContinuationToken><IsTruncated>true</IsTruncated>"
                        : contents("ct/more/big.nii.gz", big, "&quot;" + hex("MD5", big).substring(0, 30) + "ab-3&quot;")
                        + "<IsTruncated>false</IsTruncated>";
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/xml").body(
                        "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>scans-bucket</Name>"
                                + "<Prefix>ct/</Prefix>" + body + "</ListBucketResult>").build();
            }

            private String contents(String key, byte[] data, String etag) {
                return "<Contents><Key>" + key + "</Key><ETag>" + etag + "</ETag><Size>" + data.length + "</Size>"
                        + "<StorageClass>STANDARD</StorageClass></Contents>";
            }
        };
        CliRun run = get("CT Scans", "s3://scans-bucket/ct/", "s3=" + serve(s3), Map.of());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(hex("SHA-256", a) + "  downloads/ct-scans/a.nii.gz"), run.out());
        assertTrue(run.out().contains(hex("SHA-256", big) + "  downloads/ct-scans/more/big.nii.gz"), run.out());
        assertEquals("page/2==", s3.to("/scans-bucket").get(1).getUrl().queryParameter("continuation-token"));
        assertEquals(0, medfetch(Map.of(), "verify", "ct-scans").exitCode());
    }

    @Test
    void aGcsPrefixIsVerifiedAgainstMd5AndCrc32cAndAWrongCrc32cFailsTheFile() throws Exception {
        byte[] whole = bytes(200_000, 4);
        byte[] composite = bytes(60_000, 5);
        byte[] corrupt = bytes(30_000, 6);
        FakeHost gcs = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                return switch (url.encodedPath()) {
                    case "/storage/v1/b/idc-like/o" -> status(200, url.queryParameter("pageToken") == null
                            ? "{\"kind\": \"storage#objects\", \"nextPageToken\": \"Cgp0\", \"items\": ["
                            + item("s/whole.dcm", whole, true) + "]}"
                            : "{\"kind\": \"storage#objects\", \"items\": [" + item("s/composite.dcm", composite, false) + "]}");
                    case "/storage/v1/b/bad-crc/o" -> status(200, "{\"kind\": \"storage#objects\", \"items\": ["
                            + item("s/corrupt.dcm", corrupt, false).replace(crc32c(corrupt), crc32c(new byte[] {1})) + "]}");
                    case "/idc-like/s/whole.dcm" -> file(whole);
                    case "/idc-like/s/composite.dcm" -> file(composite);
                    case "/bad-crc/s/corrupt.dcm" -> file(corrupt);
                    default -> null;
                };
            }
        };
        String url = serve(gcs);
        CliRun run = get("IDC Like", "gs://idc-like/s/", "gcs=" + url, Map.of());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains(HexFormat.of().formatHex(digest("SHA-256", whole)) + "  downloads/idc-like/whole.dcm"),
                run.out());
        assertTrue(run.out().contains("downloads/idc-like/composite.dcm"), "a CRC32C alone verifies a composite object");

        CliRun bad = get("Bad CRC", "gs://bad-crc/s/", "gcs=" + url, Map.of());
        assertEquals(4, bad.exitCode(), bad.out() + bad.err());
        assertTrue((bad.out() + bad.err()).contains("crc32c"), bad.out() + bad.err());
        assertFalse(Files.exists(workspace.resolve("downloads/bad-crc/corrupt.dcm")), "no silently wrong file");
    }

    private static String item(String name, byte[] data, boolean md5) {
        try {
            return "{\"kind\": \"storage#object\", \"name\": \"" + name + "\", \"bucket\": \"idc-like\", \"size\": \""
                    + data.length + "\"" + (md5 ? ", \"md5Hash\": \"" + Base64.getEncoder().encodeToString(digest("MD5", data))
                    + "\"" : "") + ", \"crc32c\": \"" + crc32c(data) + "\"}";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String crc32c(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        long v = crc.getValue();
        return Base64.getEncoder().encodeToString(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    @Test
    void aPhysioNetProjectIsFetchedFileByFileAgainstItsSha256Sums() throws Exception {
        byte[] hea = "100 2 360 650000\n".getBytes(StandardCharsets.US_ASCII);
        byte[] dat = bytes(120_000, 7);
        FakeHost physionet = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                try {
                    return switch (url.encodedPath()) {
                        case "/files/demo-ecg/1.0.0/SHA256SUMS.txt" -> new MockResponse.Builder().code(200)
                                .setHeader("Content-Type", "text/plain").body(hex("SHA-256", hea) + " 100.hea\n"
                                        + hex("SHA-256", dat) + " signals/100.dat\n").build();
                        case "/files/demo-ecg/1.0.0/100.hea" -> file(hea);
                        case "/files/demo-ecg/1.0.0/signals/100.dat" -> file(dat);
                        default -> null;
                    };
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        CliRun run = get("Demo ECG", "https://physionet.org/content/demo-ecg/1.0.0/", "physionet=" + serve(physionet), Map.of());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(hex("SHA-256", dat) + "  downloads/demo-ecg/signals/100.dat"), run.out());
    }

    @Test
    void aSynapseProjectIsFetchedWithFreshPresignedUrlsAndTheTokenIsNeverShownOrStored() throws Exception {
        String token = "synapse-TOKEN-never-shown-42";
        byte[] first = bytes(80_000, 8);
        byte[] labels = bytes(5_000, 9);
        SynapseFake synapse = new SynapseFake(token, first, labels);
        CliRun run = get("Synapse Challenge", "https://www.synapse.org/#!Synapse:syn42690/wiki/1", "synapse=" + serve(synapse),
                Map.of("SYNAPSE_AUTH_TOKEN", token));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(hex("SHA-256", labels) + "  downloads/synapse-challenge/secondPageResult/labels.csv"),
                run.out());
        assertTrue(synapse.requests.stream().filter(r -> r.getUrl().encodedPath().startsWith("/storage/"))
                .allMatch(r -> r.getHeaders().get("Authorization") == null), "the token never goes to the storage");
        assertNoSecret(List.of(token, "SIGNED-"), run);
    }

    @Test
    void aLargeDriveFileGoesThroughTheConfirmationAndAQuotaPageIsRetryable() throws Exception {
        byte[] large = bytes(300_000, 10);
        String url = serve(new DriveFake(bytes(10, 11), large));
        CliRun run = get("Caltech", "https://drive.google.com/file/d/" + DriveFake.LARGE + "/view?usp=sharing",
                "google-drive=" + url, Map.of());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(hex("SHA-256", large) + "  downloads/caltech/101_ObjectCategories.tar.gz"), run.out());

        CliRun quota = get("Busy", "https://drive.google.com/file/d/" + DriveFake.QUOTA + "/view", "google-drive=" + url,
                Map.of());
        assertEquals(3, quota.exitCode(), quota.out() + quota.err());
        assertTrue((quota.out() + quota.err()).contains("Too many users have viewed or downloaded this file"),
                quota.out() + quota.err());
    }

    @Test
    void abideResolvesThroughTheIndiBucketInTheBundledMirrorRegistry() throws Exception {
        S3Fake indi = new S3Fake();
        CliRun add = medfetch(Map.of(), "--endpoint", "s3=" + serve(indi), "add", "abide");
        assertEquals(0, add.exitCode(), add.out() + add.err());
        CliRun status = medfetch(Map.of(), "status", "--files", "--json");
        assertTrue(status.out().contains("Caltech_0051456_rois_cc200.1D"), status.out());
        assertTrue(status.out().contains("Phenotypic_V1_0b_preprocessed1.csv"), status.out());
        assertEquals(2, indi.to("/fcp-indi").size(), "listed after its region redirect");
    }

    private void assertNoSecret(List<String> secrets, CliRun run) throws IOException {
        for (String s : secrets) {
            assertFalse(run.out().contains(s) || run.err().contains(s), s);
        }
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().contains(".medfetch")
                    || f.toString().contains("manifests")).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String s : secrets) {
                    assertFalse(content.contains(s), () -> s + " is stored in " + f);
                }
            }
        }
    }
}
