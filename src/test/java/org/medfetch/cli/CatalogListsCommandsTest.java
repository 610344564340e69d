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
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --catalog with the lists people publish: files in every format, URLs, coverage, sections, links. */
class CatalogListsCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = """
            # Awesome medical datasets
            ## Head and Neck
            ### Brain
            - [BraTS](https://www.synapse.org/brats) – gliomas, [paper](https://arxiv.org/abs/1811.02629)
            ## Chest
            __LIDC-IDRI__
            Lung CT scans with annotated nodules.
            Paper: https://doi.org/10.1118/1.3528204
            Access: https://www.cancerimagingarchive.net/collection/lidc-idri/

            ## More
            See also [another list](https://github.com/sfikas/medical-imaging-datasets) in a sentence.
            """;

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<JsonNode> json(CliRun run) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : run.lines()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private Path list(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void catalogSaysWhatItReadAndLintListsWhatItSkipped() throws Exception {
        Path list = list("awesome.md", LIST);
        CliRun catalog = CliRun.run("catalog", "--catalog", list.toString());
        assertEquals(0, catalog.exitCode(), catalog.err());
        assertEquals("medfetch: 2 datasets read from " + list + "; 1 line with links skipped ('medfetch lint' lists them)",
                catalog.err().strip());
        CliRun lint = CliRun.run("lint", "--catalog", list.toString());
        assertEquals(1, lint.exitCode());
        assertTrue(lint.out().contains(list + ":12: skipped-line: " + "a link in running text, not in a table row, "
                + "list item, linked heading or name block"), lint.out());
        assertTrue(lint.out().strip().endsWith("2 datasets read from " + list
                + "; 1 line with links skipped ('medfetch lint' lists them); 1 problem"), lint.out());
    }

    @Test
    void aFileFromWhichNothingIsReadExits1AndListsTheFormsUnderstood() throws Exception {
        Path prose = list("notes.md", "# Notes\n\nSee [this page](https://example.org/page) for more.\n");
        CliRun catalog = CliRun.run("catalog", "--catalog", prose.toString());
        assertEquals(1, catalog.exitCode());
        assertTrue(catalog.err().startsWith("medfetch: no datasets read from " + prose + "; medfetch reads:"), catalog.err());
        assertTrue(catalog.err().contains("  - headings that are links: ### [Name](https://…)"), catalog.err());
        assertEquals("", catalog.out());
        CliRun lint = CliRun.run("lint", "--catalog", prose.toString());
        assertEquals(1, lint.exitCode());
        assertTrue(lint.out().contains("no-datasets: no datasets found in " + prose), lint.out());
        assertTrue(lint.out().contains("fix: medfetch reads a table with a name column and a link column"), lint.out());
        CliRun show = CliRun.run("show", "anything", "--catalog", prose.toString());
        assertEquals(2, show.exitCode());
        assertFalse(show.err().contains("Exception"), show.err());
    }

    @Test
    void sectionMatchesAnyHeadingOfThePathIgnoringCase() throws Exception {
        Path list = list("awesome.md", LIST);
        List<JsonNode> brain = json(CliRun.run("catalog", "--json", "--section", "brain", "--catalog", list.toString()));
        assertEquals(List.of("brats"), brain.stream().map(n -> n.get("id").asText()).toList());
        assertEquals("Head and Neck / Brain", brain.get(0).get("section").asText());
        assertEquals(1, json(CliRun.run("catalog", "--json", "--section", "HEAD AND NECK", "--catalog", list.toString())).size());
        CliRun unknown = CliRun.run("catalog", "--section", "Heart", "--catalog", list.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no section 'Heart' in the catalog; sections: Head and Neck / Brain, Chest"),
                unknown.err());
    }

    @Test
    void otherLinksShowInShowAndJson() throws Exception {
        Path list = list("awesome.md", LIST);
        CliRun show = CliRun.run("show", "lidc-idri", "--catalog", list.toString());
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("link:      https://www.cancerimagingarchive.net/collection/lidc-idri/"), show.out());
        assertTrue(show.out().contains("also:      https://doi.org/10.1118/1.3528204 (Paper)"), show.out());
        JsonNode brats = json(CliRun.run("catalog", "--json", "--catalog", list.toString())).get(0);
        assertEquals("paper", brats.get("links").get(0).get("label").asText());
        assertEquals("https://arxiv.org/abs/1811.02629", brats.get("links").get(0).get("url").asText());
    }

    @Test
    void anExportedCatalogReadsBackTheSame() throws Exception {
        Path list = list("awesome.md", LIST);
        CliRun export = CliRun.run("catalog", "--json", "--catalog", list.toString());
        Path jsonl = list("awesome.jsonl", export.out());
        CliRun again = CliRun.run("catalog", "--json", "--catalog", jsonl.toString());
        assertEquals(0, again.exitCode(), again.err());
        List<JsonNode> before = json(export);
        List<JsonNode> after = json(again);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            for (String field : List.of("id", "name", "section", "task", "part", "format", "count", "link", "links", "class")) {
                assertEquals(before.get(i).get(field), after.get(i).get(field), field);
            }
        }
        CliRun csv = CliRun.run("catalog", "--json", "--catalog",
                list("list.csv", "name,link,section\nDRIVE,https://drive.grand-challenge.org/,Retina\n").toString());
        assertEquals("Retina", json(csv).get(0).get("section").asText());
    }

    @Test
    void aCatalogUrlIsFetchedCachedAndRevalidated() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("ETag", "\"v1\"").body(LIST).build());
        server.enqueue(new MockResponse.Builder().code(304).build());
        server.start();
        String url = server.url("/awesome.md").toString();
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        CliRun first = CliRun.run(env, dir, "catalog", "--json", "--catalog", url);
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(2, first.lines().size());
        assertTrue(first.err().startsWith("medfetch: 2 datasets read from " + url), first.err());
        try (var files = Files.list(dir.resolve("cache").resolve("medfetch").resolve("catalogs"))) {
            assertEquals(2, files.count(), "the copy and its ETag");
        }
        CliRun second = CliRun.run(env, dir, "catalog", "--json", "--catalog", url);
        assertEquals(first.out(), second.out());
        server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest revalidation = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("\"v1\"", revalidation.getHeaders().get("If-None-Match"));
        server.close();
        CliRun offline = CliRun.run(env, dir, "catalog", "--json", "--catalog", url);
        assertEquals(0, offline.exitCode(), offline.err());
        assertEquals(first.out(), offline.out());
        assertEquals(2, offline.err().lines().count(), offline.err());
        assertTrue(offline.err().startsWith("medfetch: catalog " + url + " cannot be fetched ("), offline.err());
        assertTrue(offline.err().lines().findFirst().orElseThrow().contains("; using the copy cached on "), offline.err());
    }

    @Test
    void aCatalogUrlGoesThroughTheProxyOfTheEnvironment() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(LIST).build());
        server.start();
        Map<String, String> env = Map.of("http_proxy", "http://127.0.0.1:" + server.getPort(),
                "XDG_CACHE_HOME", dir.resolve("cache").toString());
        CliRun run = CliRun.run(env, dir, "catalog", "--json", "--catalog", "http://lists.example/awesome.md");
        assertEquals(0, run.exitCode(), run.err());
        RecordedRequest proxied = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("lists.example", proxied.getUrl().host());
        assertEquals("/awesome.md", proxied.getUrl().encodedPath());
    }

    @Test
    void anUnreachableUrlWithoutACopyIsAUsageError() throws Exception {
        server.start();
        String url = server.url("/gone.md").toString();
        server.close();
        CliRun run = CliRun.run(Map.of("XDG_CACHE_HOME", dir.toString()), dir, "catalog", "--catalog", url);
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("and no copy of it is cached"), run.err());
    }
}
