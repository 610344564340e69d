package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listings that tell the truth (access, what get will do, sizes) and search in English and Chinese. */
class ListingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MIRRORS_HEADER = "catalog_dataset\tcatalog_name\tkind\turl_or_id\tfilename\tsize_bytes"
            + "\tchecksum_algo\tchecksum\tsource_of_fact\n";

    @TempDir
    Path ws;

    private final MockWebServer server = new MockWebServer();
    private final ConcurrentLinkedQueue<String> methods = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                methods.add(request.getMethod() + " " + request.getUrl().encodedPath());
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                        .setHeader("Content-Length", "1536000").build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<JsonNode> json(CliRun run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : run.lines()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static Set<String> ids(CliRun run) throws Exception {
        return json(run).stream().map(e -> e.get("id").asText()).collect(Collectors.toSet());
    }

    private Path mirrors(String dataset, String url) throws Exception {
        return Files.writeString(ws.resolve("mirrors.tsv"), MIRRORS_HEADER + dataset + "\tTask\thttp\t" + url + "\t"
                + url.substring(url.lastIndexOf('/') + 1) + "\t\t\t\ttest\n");
    }

    @Test
    void accessComesFromTheSourceAddWouldUseMirrorsIncluded() throws Exception {
        Map<String, String> access = json(CliRun.run("catalog", "--json")).stream()
                .collect(Collectors.toMap(e -> e.get("id").asText(), e -> e.get("access").asText()));
        assertEquals("open", access.get("msd-liver"), "a Baidu share with a verified open mirror");
        assertEquals("manual", access.get("lits"));
        assertEquals("account:kaggle", access.get("panda"));
        assertEquals("unavailable", access.get("iseg2019"));
        Map<String, String> noMirrors = json(CliRun.run("--no-mirrors", "catalog", "--json")).stream()
                .collect(Collectors.toMap(e -> e.get("id").asText(), e -> e.get("access").asText()));
        assertEquals("manual", noMirrors.get("msd-liver"), "without the mirror the Baidu share needs a person");
        List<JsonNode> open = json(CliRun.run("catalog", "--json", "--access", "open"));
        assertFalse(open.isEmpty());
        assertTrue(open.stream().allMatch(e -> e.get("access").asText().equals("open")));
        assertTrue(json(CliRun.run("catalog", "--json", "--access", "account")).stream()
                .allMatch(e -> e.get("access").asText().startsWith("account:")));
        assertEquals(Set.of("panda"), ids(CliRun.run("catalog", "--json", "--access", "account:kaggle", "--search",
                "panda")));
        assertEquals(2, CliRun.run("catalog", "--access", "paid").exitCode());
        CliRun table = CliRun.run("catalog", "--search", "lits");
        assertTrue(table.lines().get(0).contains("ACCESS"), table.out());
    }

    @Test
    void showLeadsWithWhatGetWillDoWithTheSizeFromAHead() throws Exception {
        Path mirrors = mirrors("MSD Liver", server.url("/Task03_Liver.tar").toString());
        CliRun show = CliRun.in(ws, "--mirrors", mirrors.toString(), "show", "msd-liver");
        assertEquals(0, show.exitCode(), show.err());
        String first = show.lines().get(0);
        assertTrue(first.startsWith("get:       downloads 1 file from the mirror 'MSD Liver mirror' at " + server.getHostName() + ", "
                + "no account needed, 1.5 MiB"), first);
        assertEquals(List.of("HEAD /Task03_Liver.tar"), List.copyOf(methods));
        assertTrue(show.out().contains("\naccess:    open"), show.out());
        assertTrue(show.out().contains("\nlicence:   ") && !show.out().contains("\nlicence:   -"), show.out());
        int fails = show.out().indexOf("If that fails:");
        assertTrue(fails > 0 && show.out().indexOf("BaiduPCS-Go") > fails, "fallback steps after: " + show.out());
        assertFalse(Files.exists(ws.resolve("downloads")), "show queues nothing");
    }

    @Test
    void offlineSizesAreUnknownAndManualDatasetsSayAPersonMustAct() throws Exception {
        Path mirrors = mirrors("MSD Liver", "http://127.0.0.1:9/Task03_Liver.tar");
        CliRun show = CliRun.in(ws, "--mirrors", mirrors.toString(), "show", "msd-liver");
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.lines().get(0).contains("size unknown"), show.lines().get(0));
        CliRun lits = CliRun.in(ws, "show", "lits");
        assertTrue(lits.lines().get(0).startsWith("get:       cannot download it by itself: a person must act first"),
                lits.out());
        CliRun panda = CliRun.in(ws, "show", "panda");
        assertTrue(panda.lines().get(0).contains("kaggle account"), panda.lines().get(0));
    }

    @Test
    void dryRunSizesFilesBeforeDownloadingAndPrintsATotal() {
        CliRun run = CliRun.in(ws, "add", "--dry-run", server.url("/a.nii.gz").toString(), "http://127.0.0.1:9/b.zip");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("a: would queue 1 file, 1.5 MiB"), run.out());
        assertTrue(run.out().contains("b: would queue 1 file, size unknown"), run.out());
        assertTrue(run.out().contains("total: 2 files, 1.5 MiB + 1 of unknown size"), run.out());
        assertTrue(methods.contains("HEAD /a.nii.gz"), methods.toString());
        assertTrue(methods.stream().noneMatch(m -> m.startsWith("GET /a")), "nothing downloaded: " + methods);
    }

    @Test
    void searchAndSectionsUnderstandEnglishAndChinese() throws Exception {
        Set<String> lung = ids(CliRun.run("catalog", "--json", "--search", "lung"));
        assertEquals(ids(CliRun.run("catalog", "--json", "--search", "肺")), lung);
        assertTrue(lung.size() >= 20 && lung.contains("luna2016"), lung.toString());
        assertEquals(ids(CliRun.run("catalog", "--json", "--search", "脑")), ids(CliRun.run("catalog", "--json",
                "--search", "brain")));
        assertEquals(ids(CliRun.run("catalog", "--json", "--search", "xray")), ids(CliRun.run("catalog", "--json",
                "--search", "X-ray")));
        assertEquals(ids(CliRun.run("catalog", "--json", "--search", "分割")), ids(CliRun.run("catalog", "--json",
                "--search", "segmentation")));
        Set<String> ultrasound = ids(CliRun.run("catalog", "--json", "--section", "ultrasound"));
        assertEquals(ids(CliRun.run("catalog", "--json", "--section", "超声")), ultrasound);
        assertEquals(4, ultrasound.size());
        Set<String> both = ids(CliRun.run("catalog", "--json", "--section", "ultrasound", "--section", "pathology"));
        assertTrue(both.containsAll(ultrasound) && both.size() > ultrasound.size(), both.toString());
        List<JsonNode> us = json(CliRun.run("catalog", "--json", "--section", "超声"));
        assertTrue(us.stream().allMatch(e -> e.get("modality").asText().equals("ultrasound")), us.toString());
        assertEquals("CT", json(CliRun.run("catalog", "--json", "--search", "luna2016")).get(0).get("modality").asText());
        assertTrue(ids(CliRun.run("catalog", "--json", "--search", "computed tomography")).contains("luna2016"),
                "a synonym's short word (CT) is found as a whole word");
    }
}
