package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> jsonLines(CliRun run) throws Exception {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String line : run.lines()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void catalogJsonListsEveryDatasetWithAClass() throws Exception {
        CliRun run = CliRun.run("catalog", "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> entries = jsonLines(run);
        assertEquals(96, entries.size());
        for (JsonNode e : entries) {
            for (String key : List.of("id", "name", "section", "task", "part", "format", "count", "link", "host", "class", "resolver")) {
                assertTrue(e.has(key), () -> key + " missing in " + e);
            }
            assertFalse(e.get("class").isNull(), e::toString);
        }
        JsonNode iseg = entries.stream().filter(e -> e.get("id").asText().equals("iseg2019")).findFirst().orElseThrow();
        assertTrue(iseg.get("link").isNull());
        assertEquals("unavailable", iseg.get("class").asText());
    }

    @Test
    void catalogFiltersBySectionClassAndSearch() throws Exception {
        assertEquals(4, jsonLines(CliRun.run("catalog", "--json", "--section", "超声")).size());
        List<JsonNode> torrents = jsonLines(CliRun.run("catalog", "--json", "--class", "torrent"));
        assertEquals(List.of("tcia-qin-lung", "covid-ctset", "cq500"), torrents.stream().map(e -> e.get("id").asText()).toList());
        assertEquals(5, jsonLines(CliRun.run("catalog", "--json", "--search", "isic 20")).size());
    }

    @Test
    void catalogTableHasHeaderAndCount() {
        CliRun run = CliRun.run("catalog", "--section", "PET");
        assertEquals(0, run.exitCode());
        List<String> lines = run.lines();
        assertTrue(lines.get(0).startsWith("ID"), lines.get(0));
        assertTrue(lines.get(1).startsWith("lung-pet-ct-dx-pet"), lines.get(1));
        assertEquals("2 datasets", lines.get(lines.size() - 1));
    }

    @Test
    void unknownSectionOrClassIsAUsageError() {
        CliRun section = CliRun.run("catalog", "--section", "XRAY");
        assertEquals(2, section.exitCode());
        assertTrue(section.err().contains("no section 'XRAY'"), section.err());
        CliRun cls = CliRun.run("catalog", "--class", "ftp");
        assertEquals(2, cls.exitCode());
        assertTrue(cls.err().contains("use one of http, api, torrent, git, manual, unavailable"), cls.err());
    }

    @Test
    void showPrintsFieldsProblemsAndInstructions() {
        CliRun run = CliRun.run("show", "RSNA");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("task:      分类/检测"), run.out());
        assertTrue(run.out().contains("problem:   shifted-row"), run.out());
        assertTrue(run.out().contains("AISTUDIO_ACCESS_TOKEN"), run.out());
    }

    @Test
    void unknownAndAmbiguousDatasetsExit2WithCandidates() {
        CliRun unknown = CliRun.run("show", "kitz19");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no dataset 'kitz19' in the catalog; closest: kits19"), unknown.err());
        CliRun ambiguous = CliRun.run("resolve", "msd");
        assertEquals(2, ambiguous.exitCode());
        assertTrue(ambiguous.err().contains("matches several datasets: msd-lung, msd-liver"), ambiguous.err());
        assertEquals("", ambiguous.out());
    }

    @Test
    void resolveShowsInstructionsOrReason() throws Exception {
        CliRun run = CliRun.run("resolve", "msd-lung", "mura", "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> nodes = jsonLines(run);
        assertEquals("manual", nodes.get(0).get("class").asText());
        assertTrue(nodes.get(0).get("instructions").get("steps").get(0).asText().contains("6666"));
        assertTrue(nodes.get(0).get("reason").isNull());
        assertEquals("unavailable", nodes.get(1).get("class").asText());
        assertTrue(nodes.get(1).get("reason").asText().contains("lost its torrent id"));
        CliRun text = CliRun.run("resolve", "abide");
        assertTrue(text.out().contains("unavailable: the host 'preprocessed-connectomes' has no domain"), text.out());
    }

    @Test
    void lintReportsEveryKindAndExits1() throws Exception {
        CliRun run = CliRun.run("lint", "--json");
        assertEquals(1, run.exitCode());
        List<String> kinds = jsonLines(run).stream().map(n -> n.get("kind").asText()).distinct().sorted().toList();
        assertEquals(List.of("duplicate-dataset", "missing-link", "shared-link", "shifted-row", "split-cell", "truncated-link"), kinds);
        JsonNode rsna = jsonLines(run).stream().filter(n -> n.get("kind").asText().equals("shifted-row")).findFirst().orElseThrow();
        assertEquals(38, rsna.get("line").asInt());
        assertEquals("rsna", rsna.get("dataset").asText());
        assertTrue(rsna.get("repaired").asBoolean());
        CliRun text = CliRun.run("lint");
        assertTrue(text.out().contains("bundled:50: mura: truncated-link"), text.out());
    }

    @Test
    void lintOfACleanCatalogExits0(@TempDir Path dir) throws Exception {
        Path catalog = dir.resolve("clean.md");
        Files.writeString(catalog, "| Dataset | Link |\n|---|---|\n| A | https://zenodo.org/records/1 |\n");
        CliRun run = CliRun.run("lint", "--catalog", catalog.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("1 dataset read from " + catalog + "; no problems", run.out().strip());
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheSubcommand(@TempDir Path dir) throws Exception {
        Path catalog = dir.resolve("mine.md");
        Files.writeString(catalog, "- [Alpha](https://example.org/alpha.zip)\n");
        for (CliRun run : List.of(CliRun.run("--catalog", catalog.toString(), "catalog", "--json"),
                CliRun.run("catalog", "--json", "--catalog", catalog.toString()),
                CliRun.run("--workspace", dir.toString(), "catalog", "--catalog", catalog.toString(), "--json"))) {
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(1, run.lines().size(), run.out());
            assertTrue(run.out().contains("\"id\":\"alpha\""), run.out());
        }
    }

    @Test
    void unreadableCatalogsExit2WithOneLineAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path binary = dir.resolve("bin.md");
        Files.write(binary, new byte[] {0, 1, 2});
        for (String path : List.of(dir.resolve("missing.md").toString(), binary.toString(), dir.toString())) {
            CliRun run = CliRun.run("catalog", "--catalog", path);
            assertEquals(2, run.exitCode(), path);
            assertEquals(1, run.err().lines().count(), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void debugPrintsTheStackTrace(@TempDir Path dir) {
        CliRun run = CliRun.run("catalog", "--debug", "--catalog", dir.resolve("missing.md").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("UsageException"), run.err());
    }

    @Test
    void versionAndHelp() {
        CliRun version = CliRun.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().matches("medfetch \\d+\\.\\d+\\.\\d+.*\\R"), version.out());
        // --version alone skips picocli; with another option it goes through it: the same line either way.
        assertEquals(version.out(), CliRun.run("--version", "--debug").out());
        assertEquals(version.out(), CliRun.run("-V").out());
        for (String command : List.of("catalog", "show", "resolve", "lint")) {
            CliRun help = CliRun.run(command, "--help");
            assertEquals(0, help.exitCode(), command);
            assertTrue(help.out().contains("--workspace"), command + ": " + help.out());
        }
        assertTrue(CliRun.run("--help").out().contains("5   manual steps pending"));
    }

    @Test
    void missingCommandAndUnknownOptionExit2() {
        assertEquals(2, CliRun.run().exitCode());
        CliRun run = CliRun.run("catalog", "--frobnicate");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown option: '--frobnicate'"), run.err());
    }

    @Test
    void missingValuesAreJsonNull() throws Exception {
        JsonNode snow = jsonLines(CliRun.run("catalog", "--json", "--search", "snow")).get(0);
        assertNull(snow.get("count").textValue());
        assertTrue(snow.get("count").isNull());
        assertTrue(snow.get("resolver").isNull());
    }
}
