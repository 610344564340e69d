package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.cli.CliRun;

/**
 * End to end through the real wiring (real HttpTransfer, real SQLite), one download per API shape of the
 * hosts medfetch knows by their software: a figshare portal article, an InvenioRDM record, a Nextcloud
 * folder share, a Seafile folder share, a CKAN dataset and a DSpace 7 item, each from a local server playing
 * the site (the answers in their recorded or documented shapes), every published checksum verified.
 */
class SoftwareHostsDownloadsTest {

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

    private static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockResponse file(byte[] data) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                .body(new Buffer().write(data)).build();
    }

    /** medfetch get of a one-row catalog, the site at {@code url} through {@code --endpoint name=url}. */
    private CliRun get(String name, String link, String endpoint, String url) throws IOException {
        Path catalog = dir.resolve("catalog.md");
        Files.writeString(catalog, "| Dataset | Link |\n|---|---|\n| " + name + " | " + link + " |\n");
        return CliRun.run(Map.of(), home, "--workspace", workspace.toString(), "--catalog", catalog.toString(),
                "--endpoint", endpoint + "=" + url, "get", name.toLowerCase(java.util.Locale.ROOT), "--no-progress",
                "--retries", "0");
    }

    private static void assertFetched(CliRun run, String dataset, Map<String, byte[]> files) {
        assertEquals(0, run.exitCode(), run.out() + run.err());
        files.forEach((path, data) -> assertTrue(run.out().contains(hex("SHA-256", data) + "  downloads/" + dataset
                + "/" + path), run.out()));
    }

    @Test
    void figsharePortalArticleComesFromFigsharesApiWithItsMd5() throws Exception {
        byte[] data = bytes(150_000, 1);
        FakeHost api = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                return switch (url.encodedPath()) {
                    case "/articles/26352199" -> status(200, "{\"id\": 26352199, \"title\": \"SERV-CT\", \"version\": 1}");
                    case "/articles/26352199/files" -> status(200, "[{\"id\": 47779282, \"name\": \"SERV-CT.zip\", "
                            + "\"size\": " + data.length + ", \"is_link_only\": false, \"download_url\": \"" + base()
                            + "ndownloader/files/47779282\", \"supplied_md5\": \"\", \"computed_md5\": \""
                            + hex("MD5", data) + "\"}]");
                    case "/ndownloader/files/47779282" -> file(data);
                    default -> null;
                };
            }
        };
        String url = serve(api);
        assertFetched(get("SERVCT", "https://rdr.ucl.ac.uk/articles/dataset/SERV-CT/26352199", "figshare", url), "servct",
                Map.of("SERV-CT.zip", data));
    }

    @Test
    void inveniordmRecordIsListedAtFilesAndCheckedAgainstItsMd5() throws Exception {
        byte[] data = bytes(120_000, 2);
        FakeHost site = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                return switch (url.encodedPath()) {
                    case "/api/records/cbc2k-q9x58" -> json("invenio/record-cbc2k-q9x58.json");
                    case "/api/records/cbc2k-q9x58/files" -> status(200, text("invenio/files-cbc2k-q9x58.json")
                            .replace("71449104d017a6056ac1a5fb58754975", hex("MD5", data))
                            .replace("76122", Integer.toString(data.length)));
                    case "/api/records/cbc2k-q9x58/files/article.pdf/content" -> file(data);
                    default -> null;
                };
            }
        };
        String url = serve(site);
        assertFetched(get("Romans", "https://data.caltech.edu/records/cbc2k-q9x58", "invenio-rdm", url), "romans",
                Map.of("article.pdf", data));
    }

    @Test
    void nextcloudFolderShareIsOneZipNamedByTheServer() throws Exception {
        byte[] zip = bytes(90_000, 3);
        FakeHost cloud = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                return url.encodedPath().equals("/index.php/s/JN3z7EynBiwYyjy/download")
                        ? new MockResponse.Builder().code(200).setHeader("Content-Type", "application/zip")
                        .setHeader("Content-Disposition", "attachment; filename=\"3Dircadb1.zip\"")
                        .chunkedBody(new Buffer().write(zip), 8192).build() : null;
            }
        };
        String url = serve(cloud);
        assertFetched(get("IRCAD", "https://cloud.ircad.fr/index.php/s/JN3z7EynBiwYyjy/download", "nextcloud", url),
                "ircad", Map.of("3Dircadb1.zip", zip));
    }

    @Test
    void seafileFolderShareIsFetchedFileByFile() throws Exception {
        byte[] scans = bytes(60_000, 4);
        byte[] mask = bytes(7_000, 5);
        FakeHost seafile = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                return switch (url.encodedPath()) {
                    case "/api/v2.1/share-links/df2ff6121f3f4edfaff4/dirents/" -> "/masks/".equals(url.queryParameter("path"))
                            ? status(200, text("seafile/dirents-masks.json").replace("70000", "" + mask.length))
                            : status(200, text("seafile/dirents-root.json").replace("300000", "" + scans.length));
                    case "/d/df2ff6121f3f4edfaff4/files/" -> "/scans.zip".equals(url.queryParameter("p")) ? file(scans)
                            : "/masks/case 01.nii.gz".equals(url.queryParameter("p")) ? file(mask) : null;
                    default -> null;
                };
            }
        };
        String url = serve(seafile);
        assertFetched(get("Tsinghua", "https://cloud.tsinghua.edu.cn/d/df2ff6121f3f4edfaff4/", "seafile", url),
                "tsinghua", Map.of("scans.zip", scans, "masks/case 01.nii.gz", mask));
    }

    @Test
    void ckanDatasetFilesAreCheckedAgainstTheirPublishedHashes() throws Exception {
        byte[] scans = bytes(80_000, 6);
        byte[] masks = bytes(9_000, 7);
        byte[] labels = "case,label\n1,0\n".getBytes(StandardCharsets.UTF_8);
        FakeHost portal = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                return switch (url.encodedPath()) {
                    case "/api/3/action/package_show" -> status(200, text("ckan/package-scans.json")
                            .replace("HASH_SCANS", hex("MD5", scans)).replace("300000", "" + scans.length)
                            .replace("HASH_MASKS", hex("SHA-256", masks)).replace("70000", "" + masks.length));
                    case "/dataset/7d0b6b4e-2f4c-4f0b-9a53-3f1f9c1e2a10/resource/0c1f2e3d-4b5a-6978-8a9b-0c1d2e3f4a5b/"
                            + "download/scans.zip" -> file(scans);
                    case "/datastore/dump/1d2e3f4a-5b6c-7d8e-9f0a-1b2c3d4e5f6a" -> file(labels);
                    case "/files/masks.tar.gz" -> file(masks);
                    default -> null;
                };
            }
        };
        String url = serve(portal);
        assertFetched(get("Brain", "https://data.example.org/dataset/brain-scans", "ckan", url), "brain",
                Map.of("scans.zip", scans, "labels.csv", labels, "masks.tar.gz", masks));
    }

    @Test
    void dspaceItemsOriginalFilesAreCheckedAgainstTheirMd5AndOtherBytesRefused() throws Exception {
        byte[] data = bytes(50_000, 8);
        List<byte[]> served = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(data));
        final String item = "1911e8a4-6939-490c-b58b-a5d70f8d91fb";
        final String bundle = "d3599177-0408-403b-9f8d-d300edd79edb";
        final String bitstream = "1ce6db0e-662f-4a13-ba87-c371ad664b14";
        FakeHost repository = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest r, HttpUrl url) {
                return switch (url.encodedPath()) {
                    case "/server/api/pid/find" -> new MockResponse.Builder().code(302)
                            .setHeader("Location", base() + "server/api/core/items/" + item).build();
                    case "/server/api/core/items/" + item -> json("dspace/item-1911e8a4.json");
                    case "/server/api/core/items/" + item + "/bundles" -> json("dspace/item-bundles-1911e8a4.json");
                    case "/server/api/core/bundles/" + bundle + "/bitstreams" -> status(200, "{\"_embedded\": "
                            + "{\"bitstreams\": [{\"uuid\": \"" + bitstream + "\", \"name\": \"scans.zip\", \"sizeBytes\": "
                            + data.length + ", \"checkSum\": {\"checkSumAlgorithm\": \"MD5\", \"value\": \""
                            + hex("MD5", data) + "\"}, \"type\": \"bitstream\"}]}, \"page\": {\"size\": 100, "
                            + "\"totalElements\": 1, \"totalPages\": 1, \"number\": 0}}");
                    case "/server/api/core/bitstreams/" + bitstream + "/content" -> file(served.get(0));
                    default -> null;
                };
            }
        };
        String url = serve(repository);
        String link = "https://digital.lib.washington.edu/researchworks/handle/1773/45396";
        assertFetched(get("Curation", link, "dspace", url), "curation", Map.of("scans.zip", data));

        served.set(0, bytes(50_000, 9));
        CliRun other = get("Other", link, "dspace", url);
        assertNotEquals(0, other.exitCode(), other.out());
        assertTrue((other.out() + other.err()).contains(hex("MD5", data)), other.out() + other.err());
    }
}
