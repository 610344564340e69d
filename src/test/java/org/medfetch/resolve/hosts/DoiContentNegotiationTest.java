package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.cli.CliRun;
import org.medfetch.resolve.ResolveException;
import org.medfetch.workflow.BibtexReader;

/**
 * DOI content negotiation against doi.org's and Crossref's recorded answers on 127.0.0.1: the client
 * alone, then cite --online through the real wiring, its exit codes and its one line per failure.
 */
class DoiContentNegotiationTest {

    private static final String CSL = "application/vnd.citationstyles.csl+json";
    private static final String BIBTEX = "application/x-bibtex";

    @TempDir
    Path tmp;

    private final DoiOrgFake doiOrg = new DoiOrgFake();
    private final MockWebServer server = new MockWebServer();
    private String url;

    @BeforeEach
    void serve() throws Exception {
        server.setDispatcher(doiOrg);
        server.start();
        doiOrg.base(server.url("/"));
        url = server.url("/").toString().replaceAll("/$", "");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DoiContentNegotiation client() {
        return new DoiContentNegotiation(new OkHttpClient(), URI.create(url));
    }

    @Test
    void theRedirectToTheAgencyIsFollowedWithTheAcceptHeader() throws Exception {
        String csl = client().record(DoiOrgFake.WATER, CSL).orElseThrow();
        assertTrue(csl.contains("\"title\":\"The Structure of Ordinary Water\""), csl);
        List<RecordedRequest> asked = doiOrg.requests;
        assertEquals(List.of("/10.1126/science.169.3946.635", "/v1/works/10.1126%2Fscience.169.3946.635/transform"),
                asked.stream().map(r -> r.getUrl().encodedPath()).toList());
        assertTrue(asked.stream().allMatch(r -> CSL.equals(r.getHeaders().get("Accept"))), "kept across the redirect");
        assertTrue(client().record(DoiOrgFake.WATER, BIBTEX).orElseThrow().contains("@article{Frank_1970"));
    }

    @Test
    void aFormatTheAgencyDoesNotServeIsEmptyAndAnUnknownDoiIsFatal() throws Exception {
        doiOrg.refuseCsl = true;
        assertTrue(client().record(DoiOrgFake.WATER, CSL).isEmpty(), "406");
        assertTrue(client().record(DoiOrgFake.WATER, "application/vnd.unknown").isEmpty(), "the landing page, HTML");
        ResolveException unknown = assertThrows(ResolveException.class, () -> client().record("10.1126/foo", BIBTEX));
        assertFalse(unknown.retryable());
        assertEquals("doi.org knows no DOI 10.1126/foo (HTTP 404)", unknown.getMessage());
        server.close();
        ResolveException offline = assertThrows(ResolveException.class, () -> client().record(DoiOrgFake.WATER, CSL));
        assertTrue(offline.retryable(), offline.getMessage());
        assertTrue(offline.getMessage().startsWith("cannot reach doi.org"), offline.getMessage());
    }

    private Path catalog() throws Exception {
        return Files.writeString(tmp.resolve("catalog.md"), "| Dataset | Link |\n|---|---|\n"
                + "| Water | https://doi.org/" + DoiOrgFake.WATER + " |\n| Missing | https://doi.org/10.1126/foo |\n");
    }

    private CliRun cite(Map<String, String> env, String... args) throws Exception {
        String[] all = new String[args.length + 5];
        all[0] = "--workspace";
        all[1] = tmp.resolve("ws").toString();
        all[2] = "--catalog";
        all[3] = catalog().toString();
        all[4] = "cite";
        System.arraycopy(args, 0, all, 5, args.length);
        return CliRun.run(env, tmp.resolve("home"), all);
    }

    @Test
    void citeOnlineTurnsADoiLinkIntoTheRecordAndOfflineKeepsItsDoi() throws Exception {
        CliRun offline = cite(Map.of(), "water");
        assertEquals(0, offline.exitCode(), offline.err());
        Map<String, String> known = BibtexReader.entries(offline.out()).get("water");
        assertEquals("misc", known.get("@type"));
        assertEquals(DoiOrgFake.WATER, known.get("doi"), "the DOI of a doi.org link, without going online");
        assertTrue(doiOrg.requests.isEmpty());

        CliRun online = cite(Map.of(), "water", "--online", "--endpoint", "doi=" + url);
        assertEquals(0, online.exitCode(), online.err());
        assertEquals("", online.err());
        Map<String, String> water = BibtexReader.entries(online.out()).get("water");
        assertEquals("article", water.get("@type"));
        assertEquals("{The Structure of Ordinary Water}", water.get("title"), "CSL-JSON's title");
        assertEquals("Frank, Henry S.", water.get("author"));
        assertEquals("Science", water.get("journal"));
        assertEquals("1970", water.get("year"));
        assertEquals("169", water.get("volume"));
        assertEquals("3946", water.get("number"));
        assertEquals("635--641", water.get("pages"));
        assertTrue(online.out().contains("% water: the DOI record doi.org gave"), online.out());

        doiOrg.refuseCsl = true;
        CliRun bibtex = cite(Map.of("MEDFETCH_ENDPOINT_DOI", url), "water", "--online", "--format", "ris");
        assertEquals(0, bibtex.exitCode(), bibtex.err());
        assertTrue(bibtex.out().contains("TI  - The Structure of Ordinary Water: New data and interpretations are "
                + "yielding new insights into this fascinating substance.\n"), "BibTeX's title: " + bibtex.out());
        assertTrue(bibtex.out().contains("SP  - 635\nEP  - 641"), bibtex.out());
    }

    @Test
    void aDoiDoiOrgDoesNotKnowExits4AndAnUnreachableDoiOrgExits3WithTheOfflineCitations() throws Exception {
        CliRun unknown = cite(Map.of(), "water", "missing", "--online", "--endpoint", "doi=" + url);
        assertEquals(4, unknown.exitCode(), unknown.err());
        assertEquals(List.of("medfetch: cite --online: missing: doi.org knows no DOI 10.1126/foo (HTTP 404); the "
                + "citation known offline is printed"), unknown.err().lines().toList());
        assertEquals("misc", BibtexReader.entries(unknown.out()).get("missing").get("@type"));
        assertEquals("article", BibtexReader.entries(unknown.out()).get("water").get("@type"));

        server.close();
        CliRun offline = cite(Map.of(), "water", "missing", "--online", "--endpoint", "doi=" + url);
        assertEquals(3, offline.exitCode(), offline.err());
        List<String> lines = offline.err().lines().toList();
        assertEquals(2, lines.size(), offline.err());
        assertTrue(lines.get(0).startsWith("medfetch: cite --online: water: cannot reach doi.org"), lines.get(0));
        assertTrue(lines.get(1).startsWith("medfetch: cite --online: missing: cannot reach doi.org"), lines.get(1));
        assertEquals(List.of("water", "missing"), List.copyOf(BibtexReader.entries(offline.out()).keySet()));
    }
}
