package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.Main;
import org.medfetch.cli.CliRun;
import org.medfetch.resolve.Resolver;
import org.medfetch.workflow.Settings;
import org.medfetch.resolve.hosts.kaggle.KaggleFake;

/** The real wiring from Main: `medfetch resolvers`, endpoints from options and variables, credentials. */
class HostsCliTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workspace;

    @TempDir
    Path home;

    final List<MockWebServer> servers = new ArrayList<>();

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

    private static List<JsonNode> jsonLines(CliRun run) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : run.lines()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void resolversListsEveryResolverInRegistryOrderWithBasesAndCredentials() throws IOException {
        CliRun run = CliRun.run(Map.of(), home, "resolvers", "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> rows = jsonLines(run);
        List<String> registry = Main.resolvers(new Settings(workspace, null, null, false, Map.of(), home)).all().stream()
                .map(Resolver::name).toList();
        List<String> listed = rows.stream().map(r -> r.get("name").asText()).toList();
        assertEquals(registry, listed.subList(0, listed.size() - 1));
        JsonNode doi = rows.get(rows.size() - 1);
        assertEquals("doi", doi.get("name").asText(), "after the resolvers, the endpoint cite --online uses");
        assertEquals("https://doi.org", doi.get("default_base_url").asText());
        assertEquals("MEDFETCH_ENDPOINT_DOI", doi.get("endpoint_variable").asText());
        assertEquals("cite --online", doi.get("used_by").asText());
        JsonNode kaggle = rows.stream().filter(r -> r.get("name").asText().equals("kaggle")).findFirst().orElseThrow();
        assertEquals("https://www.kaggle.com/api/v1", kaggle.get("default_base_url").asText());
        assertEquals("MEDFETCH_ENDPOINT_KAGGLE", kaggle.get("endpoint_variable").asText());
        assertTrue(kaggle.get("endpoint").isNull());
        assertTrue(kaggle.get("credentials").toString().contains("KAGGLE_USERNAME + KAGGLE_KEY"), kaggle.toString());
        JsonNode dataverse = rows.stream().filter(r -> r.get("name").asText().equals("dataverse")).findFirst().orElseThrow();
        assertTrue(dataverse.get("default_base_url").isNull() && dataverse.get("takes_endpoint").asBoolean());
        JsonNode magnet = rows.get(0);
        assertEquals("magnet", magnet.get("name").asText());
        assertFalse(magnet.get("takes_endpoint").asBoolean());

        CliRun table = CliRun.run(Map.of(), home, "resolvers");
        assertTrue(table.lines().get(0).startsWith("NAME"), table.out());
        assertTrue(table.out().contains("https://nbia.cancerimagingarchive.net/nbia-api/services/v4"), table.out());
    }

    /** A record the Zenodo fake answers with a recorded response. */
    private static final String RECORDED = "https://zenodo.org/records/107873";

    @Test
    void endpointFromOptionOrVariableReplacesTheBaseAndTheOptionWins() throws IOException {
        ZenodoFake zenodo = new ZenodoFake();
        String url = serve(zenodo);
        CliRun option = CliRun.run(Map.of(), home, "--workspace", workspace.toString(), "--endpoint", "zenodo=" + url,
                "add", "--dry-run", RECORDED);
        assertEquals(0, option.exitCode(), option.err());
        assertTrue(option.out().contains("would queue 1 file"), option.out());
        assertTrue(option.out().contains("https://sandbox.zenodo.org/api/records/107873/files/event.json/content"),
                option.out());

        CliRun variable = CliRun.run(Map.of("MEDFETCH_ENDPOINT_ZENODO", url), home, "--workspace", workspace.toString(),
                "add", "--dry-run", RECORDED);
        assertEquals(0, variable.exitCode(), variable.err());

        CliRun both = CliRun.run(Map.of("MEDFETCH_ENDPOINT_ZENODO", "http://127.0.0.1:9"), home, "add",
                "--workspace", workspace.toString(), "--dry-run", RECORDED, "--endpoint", "zenodo=" + url);
        assertEquals(0, both.exitCode(), both.err());
        assertEquals(3, zenodo.to("/api/records/107873").size());

        CliRun listed = CliRun.run(Map.of("MEDFETCH_ENDPOINT_ZENODO", url), home, "resolvers", "--json");
        assertTrue(listed.out().contains("\"endpoint\":\"" + url + "\""), listed.out());
        CliRun doi = CliRun.run(Map.of(), home, "--endpoint", "doi=" + url, "resolvers");
        assertEquals(0, doi.exitCode(), doi.err());
        assertTrue(doi.out().lines().anyMatch(l -> l.startsWith("doi ") && l.contains(url)), doi.out());
    }

    @Test
    void unknownOrMalformedEndpointsAreUsageErrors() {
        CliRun unknown = CliRun.run(Map.of(), home, "--endpoint", "zenodoo=http://127.0.0.1:1", "resolvers");
        assertEquals(2, unknown.exitCode());
        // The names come from the registry, in its order, then doi (cite --online).
        String names = org.medfetch.Hosts.all(HostContext.pointedAt(java.net.URI.create("http://127.0.0.1:9"),
                        new okhttp3.OkHttpClient(), new UserConfig(Map.of(), home, w -> { }))).stream()
                .filter(org.medfetch.resolve.Resolver::takesEndpoint).map(org.medfetch.resolve.Resolver::name)
                .collect(java.util.stream.Collectors.joining(", "));
        assertTrue(names.startsWith("academictorrents, hyper-ai, aistudio, kaggle, tcia, zenodo"), names);
        assertTrue(unknown.err().contains("use one of " + names + ", doi"), unknown.err());
        CliRun noMeaning = CliRun.run(Map.of(), home, "--endpoint", "magnet=http://127.0.0.1:1", "resolvers");
        assertEquals(2, noMeaning.exitCode(), "magnet links go to no host");
        CliRun malformed = CliRun.run(Map.of(), home, "resolvers", "--endpoint", "kaggle=www.kaggle.com");
        assertEquals(2, malformed.exitCode());
        assertTrue(malformed.err().contains("an endpoint is an http(s) URL"), malformed.err());
        CliRun variable = CliRun.run(Map.of("MEDFETCH_ENDPOINT_NOPE", "http://127.0.0.1:1"), home, "resolvers");
        assertEquals(2, variable.exitCode());
        assertTrue(variable.err().contains("MEDFETCH_ENDPOINT_NOPE"), variable.err());
        CliRun notAPair = CliRun.run(Map.of(), home, "--endpoint", "zenodo", "resolvers");
        assertEquals(2, notAPair.exitCode());
    }

    @Test
    void kaggleCredentialsAreSentButNeverShownOrStored() throws IOException {
        String key = "kaggle-key-SHOULD-NOT-LEAK-42";
        String basic = "Basic " + Base64.getEncoder().encodeToString(("someone:" + key).getBytes(StandardCharsets.UTF_8));
        KaggleFake kaggle = new KaggleFake(basic);
        String url = serve(kaggle);
        CliRun run = CliRun.run(Map.of("KAGGLE_USERNAME", "someone", "KAGGLE_KEY", key), home,
                "--workspace", workspace.toString(), "--endpoint", "kaggle=" + url, "add", "rsna-bone-age");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("rsna-bone-age: queued 1 file"), run.out());
        assertEquals(basic, kaggle.requests.get(0).getHeaders().get("Authorization"));
        String encoded = basic.substring("Basic ".length());
        assertFalse(run.out().contains(key) || run.err().contains(key) || run.out().contains(encoded));
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(key) || bytes.contains(encoded), () -> "the key is stored in " + file);
            }
        }
    }

    @Test
    void kaggleJsonReadableByOthersIsWarnedAboutOnStderr() throws IOException {
        Path json = home.resolve(".kaggle/kaggle.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, "{\"username\":\"someone\",\"key\":\"k-123456\"}");
        Files.setPosixFilePermissions(json, PosixFilePermissions.fromString("rw-r--r--"));
        KaggleFake kaggle = new KaggleFake("Basic " + Base64.getEncoder().encodeToString("someone:k-123456"
                .getBytes(StandardCharsets.UTF_8)));
        String url = serve(kaggle);
        CliRun run = CliRun.run(Map.of(), home, "--workspace", workspace.toString(), "--endpoint", "kaggle=" + url,
                "add", "--dry-run", "rsna-bone-age");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.contains("is readable by other users")).count(), run.err());
        assertTrue(run.err().contains("chmod 600 " + json), run.err());
    }

    /**
     * The same outcome, the same exit code: every host that goes online, answered 404 for everything,
     * makes add exit 4 (issue 11, fix 11: Gitee turned its 404 into manual steps, exit 5).
     */
    @Test
    void notFoundExitsFourOnEveryHostThatAsks() throws IOException {
        List<String> asked = new ArrayList<>();
        for (Resolver resolver : Main.resolvers(new Settings(workspace, null, null, false, Map.of(), home)).all()) {
            if (!resolver.takesEndpoint()) {
                continue;
            }
            EchoingHost notFound = new EchoingHost(404);
            String url = serve(notFound);
            String link = resolver.host().examples().get(0);
            Path fresh = Files.createTempDirectory(workspace, resolver.name());
            CliRun run = CliRun.run(SecretsNeverShowTest.ENV, home, "--workspace", fresh.toString(), "--endpoint",
                    resolver.name() + "=" + url, "add", link);
            if (!notFound.requests.isEmpty()) {
                asked.add(resolver.name());
                assertEquals(4, run.exitCode(), () -> resolver.name() + " " + link + ": " + run.out() + run.err());
            }
        }
        assertTrue(asked.containsAll(List.of("gitee", "github", "zenodo", "figshare", "dataverse", "kaggle")),
                asked::toString);
    }

    @Test
    void restrictedDataverseFilesLeaveTheDatasetManualUnlessFilesLeavesThemOut() throws IOException {
        String url = serve(new DataverseFake());
        String link = "https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/RESTR";
        CliRun partly = CliRun.run(Map.of(), home, "--workspace", workspace.resolve("a").toString(), "--endpoint",
                "dataverse=" + url, "add", link);
        assertEquals(5, partly.exitCode(), partly.out() + partly.err());
        assertTrue(partly.out().contains("queued 1 file") && partly.out().contains("manual steps needed for the rest")
                && partly.out().contains("patients.csv"), partly.out());
        CliRun publicOnly = CliRun.run(Map.of(), home, "--workspace", workspace.resolve("b").toString(), "--endpoint",
                "dataverse=" + url, "add", link, "--files", "open.csv");
        assertEquals(0, publicOnly.exitCode(), publicOnly.out() + publicOnly.err());
    }
}
