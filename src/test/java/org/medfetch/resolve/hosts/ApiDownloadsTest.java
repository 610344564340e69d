package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.medfetch.cli.CliRun;
import org.medfetch.resolve.hosts.kaggle.KaggleFake;

/**
 * End to end through the real wiring: medfetch get of a Zenodo record, a Kaggle dataset with
 * credentials, a Kaggle competition whose rules were not accepted, a TCIA collection with two series,
 * and an MSD task through its mirror, every host a local fake and every file verified.
 */
class ApiDownloadsTest extends HostDownloads {

    @Test
    void zenodoRecordIsDownloadedAndItsMd5Checked() throws Exception {
        byte[] a = bytes(300_000, 1);
        byte[] b = bytes(70_000, 2);
        FakeHost zenodo = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                String base = base().toString().replaceAll("/$", "");
                try {
                    return switch (url.encodedPath()) {
                        case "/api/records/42" -> status(200, """
                                {"id": 42, "doi": "10.5281/zenodo.42", "metadata": {"title": "Scans",
                                 "license": {"id": "cc-by-4.0"}, "creators": [{"name": "Doe, J."}], "publication_date": "2024-01-01"},
                                 "files": [
                                  {"key": "scans.npz", "size": %d, "checksum": "md5:%s", "links": {"self": "%s/files/scans.npz"}},
                                  {"key": "labels.csv", "size": %d, "checksum": "md5:%s", "links": {"self": "%s/files/labels.csv"}}]}
                                """.formatted(a.length, hex("MD5", a), base, b.length, hex("MD5", b), base));
                        case "/files/scans.npz" -> file(a);
                        case "/files/labels.csv" -> file(b);
                        default -> null;
                    };
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        String url = serve(zenodo);
        CliRun run = medfetch(Map.of(), "--catalog", catalog("Scans", "https://zenodo.org/records/42").toString(),
                "--endpoint", "zenodo=" + url, "get", "scans", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(hex("SHA-256", a) + "  downloads/scans/scans.npz"), run.out());
        assertTrue(run.out().contains(hex("SHA-256", b) + "  downloads/scans/labels.csv"), run.out());
        assertEquals(0, medfetch(Map.of(), "verify", "scans").exitCode());
    }

    /**
     * The recorded sandbox record 107873 (api/zenodo/README.md), its file link moved from
     * sandbox.zenodo.org to the fake: the recorded MD5 is that of "foo\n", so the file is checked against
     * what Zenodo published, and other bytes are refused.
     */
    @Test
    void recordedZenodoRecordIsDownloadedAndCheckedAgainstItsPublishedMd5() throws Exception {
        List<byte[]> served = new java.util.concurrent.CopyOnWriteArrayList<>(List.of("foo\n".getBytes(StandardCharsets.UTF_8)));
        FakeHost zenodo = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                return switch (url.encodedPath()) {
                    case "/api/records/107873" -> status(200, text("zenodo/record-107873.json")
                            .replace("https://sandbox.zenodo.org", base().toString().replaceAll("/$", "")));
                    case "/api/records/107873/files/event.json/content" -> file(served.get(0));
                    default -> null;
                };
            }
        };
        String url = serve(zenodo);
        CliRun run = medfetch(Map.of(), "--catalog", catalog("Event", "https://zenodo.org/records/107873").toString(),
                "--endpoint", "zenodo=" + url, "get", "event", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(hex("SHA-256", "foo\n".getBytes(StandardCharsets.UTF_8))
                + "  downloads/event/event.json"), run.out());

        served.set(0, "bar\n".getBytes(StandardCharsets.UTF_8));
        CliRun other = medfetch(Map.of(), "--catalog", catalog("Other", "https://zenodo.org/records/107873").toString(),
                "--endpoint", "zenodo=" + url, "get", "other", "--no-progress", "--retries", "0");
        assertNotEquals(0, other.exitCode(), other.out());
        assertTrue((other.out() + other.err()).contains("d3b07384d113edec49eaa6238ad5ff00"), other.out() + other.err());
    }

    @Test
    void kaggleDatasetWithCredentialsSendsTheKeyButNeverShowsOrStoresIt() throws Exception {
        String key = "kaggle-key-NEVER-SHOWN-77";
        String basic = "Basic " + Base64.getEncoder().encodeToString(("someone:" + key).getBytes(StandardCharsets.UTF_8));
        byte[] zip = bytes(200_000, 3);
        List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
        FakeHost kaggle = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                authorizations.add(url.encodedPath() + " " + r.getHeaders().get("Authorization"));
                if (url.encodedPath().startsWith("/storage/")) {
                    return file(zip);
                }
                if (!basic.equals(r.getHeaders().get("Authorization"))) {
                    return status(401, "{\"code\":401,\"message\":\"Unauthenticated\"}");
                }
                return switch (url.encodedPath()) {
                    case "/datasets/list/someone/scans" -> status(200,
                            "{\"datasetFiles\":[{\"name\":\"a.dcm\",\"totalBytes\":10}],\"nextPageToken\":null}");
                    case "/datasets/download/someone/scans" -> new MockResponse.Builder().code(302)
                            .setHeader("Location", base() + "storage/scans.zip?GoogleAccessId=x&Signature=SIGNED-SECRET")
                            .build();
                    default -> null;
                };
            }
        };
        String url = serve(kaggle);
        Map<String, String> env = Map.of("KAGGLE_USERNAME", "someone", "KAGGLE_KEY", key);
        Path catalog = catalog("Kaggle Scans", "https://www.kaggle.com/datasets/someone/scans");
        CliRun run = medfetch(env, "--catalog", catalog.toString(), "--endpoint", "kaggle=" + url, "get", "kaggle-scans",
                "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(hex("SHA-256", zip) + "  downloads/kaggle-scans/scans.zip"), run.out());
        assertTrue(authorizations.stream().anyMatch(a -> a.equals("/datasets/download/someone/scans " + basic)),
                authorizations.toString());
        CliRun manifest = medfetch(env, "--catalog", catalog.toString(), "manifest");
        assertEquals(0, manifest.exitCode(), manifest.err());
        String encoded = basic.substring("Basic ".length());
        for (String text : List.of(run.out(), run.err(), manifest.out(), manifest.err())) {
            assertFalse(text.contains(key) || text.contains(encoded) || text.contains("SIGNED-SECRET"), text);
        }
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".zip")).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(key) || content.contains(encoded) || content.contains("SIGNED-SECRET"),
                        () -> "a secret is stored in " + f);
            }
        }
    }

    @Test
    void kaggleCompetitionWithoutAcceptedRulesNamesTheRulesPage() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("someone:k-1".getBytes(StandardCharsets.UTF_8));
        String url = serve(new KaggleFake(basic));
        CliRun run = medfetch(Map.of("KAGGLE_USERNAME", "someone", "KAGGLE_KEY", "k-1"), "--catalog",
                catalog("Pneumonia", "https://www.kaggle.com/c/" + KaggleFake.NOT_ACCEPTED).toString(),
                "--endpoint", "kaggle=" + url, "get", "pneumonia", "--no-progress");
        assertEquals(5, run.exitCode(), run.err());
        assertTrue(run.out().contains("https://www.kaggle.com/competitions/" + KaggleFake.NOT_ACCEPTED + "/rules"),
                run.out());
    }

    @Test
    void tciaCollectionWithTwoSeriesGivesTwoZipsAndAManifest() throws Exception {
        TciaFake nbia = new TciaFake();
        byte[] one = bytes(120_000, 4);
        byte[] two = bytes(90_000, 5);
        FakeHost tcia = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                if (url.encodedPath().equals("/getImage")) {
                    String uid = String.valueOf(url.queryParameter("SeriesInstanceUID"));
                    return file(uid.endsWith("585") ? one : two);
                }
                nbia.base(base());
                return nbia.route(r, url);
            }
        };
        String url = serve(tcia);
        CliRun run = medfetch(Map.of(), "--endpoint", "tcia=" + url, "get", "lung-pet-ct-dx", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, run.out().lines().filter(l -> l.matches("[0-9a-f]{64}  downloads/lung-pet-ct-dx/.*\\.zip")).count(),
                run.out());
        assertTrue(run.out().contains(hex("SHA-256", one)), run.out());
        try (Stream<Path> files = Files.list(workspace.resolve("downloads/lung-pet-ct-dx"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".tcia")));
        }
    }

    @Test
    void msdTaskThroughItsMirrorIsVerifiedAgainstBothPublishedChecksums() throws Exception {
        byte[] tar = bytes(500_000, 6);
        FakeHost s3 = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                return url.encodedPath().equals("/Task09_Spleen.tar") ? file(tar) : null;
            }
        };
        String url = serve(s3);
        Path mirrors = dir.resolve("mirrors.tsv");
        String header = "catalog_dataset\tcatalog_name\tkind\turl_or_id\tfilename\tsize_bytes\tchecksum_algo\tchecksum\tsource_of_fact\n";
        Files.writeString(mirrors, header
                + "MSD Spleen\tTask09\thttp\t" + url + "/Task09_Spleen.tar\tTask09_Spleen.tar\t\tmd5\t" + hex("MD5", tar) + "\ttest\n"
                + "MSD Spleen\tTask09\thttp\t" + url + "/Task09_Spleen.tar\tTask09_Spleen.tar\t\tsha256\t" + hex("SHA-256", tar)
                + "\ttest\n");
        CliRun run = medfetch(Map.of(), "--mirrors", mirrors.toString(), "get", "msd-spleen", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(hex("SHA-256", tar) + "  downloads/msd-spleen/Task09_Spleen.tar"), run.out());

        Files.writeString(mirrors, header + "MSD Liver\tTask03\thttp\t" + url + "/Task09_Spleen.tar\tTask03_Liver.tar\t\t"
                + "sha256\t" + "0".repeat(64) + "\ttest\n");
        CliRun wrong = medfetch(Map.of(), "--mirrors", mirrors.toString(), "get", "msd-liver", "--no-progress");
        assertEquals(4, wrong.exitCode(), wrong.err());
        assertTrue(wrong.err().contains("sha256"), wrong.err());
        assertFalse(Files.exists(workspace.resolve("downloads/msd-liver/Task03_Liver.tar")));
    }
}
