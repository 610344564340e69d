package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.cli.CliRun;
import org.medfetch.workflow.BibtexReader;
import org.medfetch.workflow.CslSchema;

/**
 * From a host's API answer to a citation: datasets added through the Dataverse and figshare resolvers
 * against responses recorded from the real services, then cited, so the mapping from each API's fields
 * to the reference is what is tested.
 */
class RecordedCitationsTest {

    @TempDir
    Path tmp;

    private static Map<String, String> byDoi(Map<String, Map<String, String>> entries, String doi) {
        return entries.values().stream().filter(e -> doi.equals(e.get("doi"))).findFirst()
                .orElseThrow(() -> new AssertionError("no entry with DOI " + doi + " in " + entries.keySet()));
    }

    @Test
    void apiFieldsBecomeTheCitationInEveryFormat() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new RecordedHostsFake());
            server.start();
            String url = server.url("/").toString().replaceAll("/$", "");
            String ws = tmp.resolve("ws").toString();
            CliRun add = CliRun.run(Map.of(), tmp, "--workspace", ws, "--endpoint", "dataverse=" + url,
                    "--endpoint", "figshare=" + url, "add", RecordedHostsFake.DATAVERSE, RecordedHostsFake.FIGSHARE,
                    "-p", "thesis");
            assertEquals(0, add.exitCode(), add.err() + add.out());

            CliRun bibtex = CliRun.in(tmp.resolve("ws"), "cite", "-p", "thesis");
            assertEquals(0, bibtex.exitCode(), bibtex.err());
            Map<String, Map<String, String>> entries = BibtexReader.entries(bibtex.out());
            Map<String, String> dataverse = byDoi(entries, "10.5072/FK2/GCN7US");
            assertEquals("misc", dataverse.get("@type"));
            assertEquals("{sample dataset 3}", dataverse.get("title"));
            assertEquals("Admin, Dataverse", dataverse.get("author"));
            assertEquals("2025", dataverse.get("year"), "the dataset's publicationDate");
            assertEquals("1.0", dataverse.get("version"), "versionNumber.versionMinorNumber");
            assertEquals("Root", dataverse.get("publisher"));
            assertEquals(RecordedHostsFake.DATAVERSE, dataverse.get("url"));
            Map<String, String> figshare = byDoi(entries, "10.6084/m9.figshare.23514972");
            assertEquals("{Trace Function Parameter Types}", figshare.get("title"));
            assertEquals("Padgham, Mark", figshare.get("author"));
            assertEquals("2022", figshare.get("year"));
            assertEquals("2", figshare.get("version"));
            assertEquals("figshare", figshare.get("publisher"));
            assertEquals(RecordedHostsFake.FIGSHARE, figshare.get("url"));
            assertTrue(bibtex.out().contains("% license: CC0 1.0\n@misc{"), bibtex.out());
            assertTrue(bibtex.out().contains("% license: MIT\n@misc{"), bibtex.out());

            CliRun csl = CliRun.in(tmp.resolve("ws"), "cite", "-p", "thesis", "--format", "csl-json");
            assertEquals(0, csl.exitCode(), csl.err());
            CslSchema.assertValid(csl.out());
            JsonNode first = new ObjectMapper().readTree(csl.out()).get(0);
            assertEquals("dataset", first.get("type").asText());
            assertEquals("Admin", first.get("author").get(0).get("family").asText());
            assertEquals(2025, first.get("issued").get("date-parts").get(0).get(0).asInt());

            CliRun licenses = CliRun.in(tmp.resolve("ws"), "licenses", "-p", "thesis");
            assertTrue(licenses.out().contains("2 dataset(s): 0 with unknown terms, 0 non-commercial"), licenses.out());
        }
    }
}
