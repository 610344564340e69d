package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.medfetch.Hosts;
import org.medfetch.cli.CliRun;
import java.nio.file.Files;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;
import org.medfetch.resolve.hosts.kaggle.KaggleFake;
import org.medfetch.resolve.hosts.openxlab.OpenXLabFake;

/**
 * Resolves with known fake credentials against every kind of answer (success, refusals, errors, a
 * server that echoes what it was sent, a host that is down) and checks that no credential appears in
 * any message, resolution or authorization a user or the database could see.
 */
class SecretsNeverShowTest {

    // '?', '>' and '~' make Base64 differ between its standard and URL-safe alphabets and need URL-encoding.
    static final String KAGGLE_USER = "kaggle-user";
    static final String KAGGLE_KEY = "kaggle-SECRET-5f4e??>3d2c1b0a";
    static final String AISTUDIO = "aistudio-SECRET-4455~>?66";
    static final String AK = "ak-SECRET-1122";
    static final String SK = "sk-SECRET-3344";
    static final String ZENODO = "zenodo-SECRET-77>?88";
    static final String GITHUB = "ghp-SECRET-99??00";
    static final String HF = "hf-SECRET-31>?41";
    static final String OSF = "osf-SECRET-59~?26";
    static final String DRYAD_ID = "dryad-id-SECRET-53>?58";
    static final String DRYAD_SECRET = "dryad-SECRET-97~>93";
    static final String PHYSIONET_USER = "physionet-user";
    static final String PHYSIONET = "physionet-SECRET-1?>~2";
    static final String SYNAPSE = "synapse-SECRET-3~>?4";
    static final Map<String, String> ENV = Map.ofEntries(Map.entry("KAGGLE_USERNAME", KAGGLE_USER),
            Map.entry("KAGGLE_KEY", KAGGLE_KEY), Map.entry("AISTUDIO_ACCESS_TOKEN", AISTUDIO),
            Map.entry("OPENXLAB_AK", AK), Map.entry("OPENXLAB_SK", SK), Map.entry("ZENODO_TOKEN", ZENODO),
            Map.entry("GITHUB_TOKEN", GITHUB), Map.entry("HF_TOKEN", HF), Map.entry("OSF_TOKEN", OSF),
            Map.entry("DRYAD_CLIENT_ID", DRYAD_ID), Map.entry("DRYAD_CLIENT_SECRET", DRYAD_SECRET),
            Map.entry("PHYSIONET_USERNAME", PHYSIONET_USER), Map.entry("PHYSIONET_PASSWORD", PHYSIONET),
            Map.entry("SYNAPSE_AUTH_TOKEN", SYNAPSE));
    static final List<String> FORBIDDEN = Stream.of(KAGGLE_KEY, KAGGLE_USER + ":" + KAGGLE_KEY, AISTUDIO, AK, SK,
            ZENODO, GITHUB, OpenXLabFake.JWT, HF, OSF, DRYAD_ID, DRYAD_SECRET, PHYSIONET, PHYSIONET_USER + ":" + PHYSIONET,
            SYNAPSE)
            .flatMap(s -> EchoingHost.forms(s).stream()).toList();

    final OkHttpClient http = new OkHttpClient();

    @TempDir
    Path home;

    /**
     * Every host of the registry that reads credentials, at its first example link. A host added with
     * credentials is checked here without a line of this test, once {@link #ENV} holds one of its variables.
     */
    List<Function<HostContext, Resolver>> hostsWithCredentials() {
        List<Function<HostContext, Resolver>> found = new ArrayList<>();
        for (Function<HostContext, Resolver> host : Hosts.REGISTRY) {
            Resolver resolver = host.apply(HostContext.pointedAt(URI.create("http://127.0.0.1:9"), http,
                    new UserConfig(Map.of(), home, w -> { })));
            if (!resolver.credentialSources().isEmpty()) {
                assertTrue(resolver.credentialSources().stream().anyMatch(source -> ENV.keySet().stream()
                        .anyMatch(source::contains)), () -> "ENV has none of the credentials of " + resolver.name());
                found.add(host);
            }
        }
        return found;
    }

    /** Every host's own fake (answering as it should), then hostile and failing hosts. */
    List<FakeHost> hosts() {
        List<FakeHost> hosts = new ArrayList<>(List.of(new KaggleFake("Basic " + Base64.getEncoder().encodeToString(
                (KAGGLE_USER + ":" + KAGGLE_KEY).getBytes(StandardCharsets.UTF_8))), new AiStudioFake(AISTUDIO),
                new OpenXLabFake(AK, SK), new ZenodoFake(), new GitHubFake()));
        for (int code : new int[] {200, 400, 401, 403, 404, 429, 500, 601}) {
            hosts.add(new EchoingHost(code));
            hosts.add(new EchoingHost(code, false));
        }
        FakeHost malformed = new EchoingHost(200);
        malformed.answerEverything(new MockResponse.Builder().code(200).body("{\"broken\": ").build());
        hosts.add(malformed);
        return hosts;
    }

    @Test
    void noCredentialAppearsInAnyOutcome() throws IOException {
        List<String> seen = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (Function<HostContext, Resolver> scenario : hostsWithCredentials()) {
            List<URI> bases = new ArrayList<>();
            for (FakeHost host : hosts()) {
                try (MockWebServer server = new MockWebServer()) {
                    server.setDispatcher(host);
                    server.start();
                    host.base(server.url("/"));
                    URI base = URI.create(server.url("/").toString().replaceAll("/$", ""));
                    Resolver resolver = scenario.apply(HostContext.pointedAt(base, http,
                            new UserConfig(ENV, home, seen::add)));
                    for (String link : resolver.host().examples()) {
                        seen.add(outcome(resolver, link));
                        links.add(link);
                    }
                    seen.add(resolver.toString());
                }
            }
            Resolver down = scenario.apply(HostContext.pointedAt(URI.create("http://127.0.0.1:9"), http,
                    new UserConfig(ENV, home, seen::add)));
            down.host().examples().forEach(link -> seen.add(outcome(down, link)));
        }
        assertTrue(links.contains("https://www.kaggle.com/c/siim-acrpneumothorax-segmentation")
                && links.contains("https://aistudio.baidu.com/datasetdetail/35660"), links::toString);
        assertNoCredential(String.join("\n", seen), "the outcomes");
    }

    static void assertNoCredential(String text, String where) {
        for (String secret : FORBIDDEN) {
            assertFalse(text.contains(secret), () -> "a credential (" + secret + ") shows in " + where + ":\n"
                    + text.lines().filter(l -> l.contains(secret)).findFirst().orElse(""));
        }
        assertFalse(text.isBlank(), where);
    }

    /**
     * The whole program: hosts that echo the credentials in every form, at listing time (Kaggle's 200
     * with an errorMessage, Zenodo's and GitHub's refusals) and at download time (AI Studio's signing
     * endpoint, so the error lands in state.db); then what stdout, stderr, the workspace's files
     * (state.db, manifests) and status --json hold.
     */
    @Test
    void noCredentialReachesOutputDatabaseStatusOrManifests(@TempDir Path workspace) throws IOException {
        List<String> seen = new ArrayList<>();
        AiStudioFake aistudio = new AiStudioFake(AISTUDIO);
        EchoingHost signingEcho = new EchoingHost(200);
        FakeHost signingEchoes = new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest request, HttpUrl url) {
                return url.encodedPath().endsWith("/download") ? signingEcho.route(request, url)
                        : aistudio.route(request, url);
            }
        };
        List<MockWebServer> servers = new ArrayList<>();
        try {
            String[] global = {"--workspace", workspace.toString(),
                    "--endpoint", "kaggle=" + serve(new EchoingHost(200), servers),
                    "--endpoint", "zenodo=" + serve(new EchoingHost(403), servers),
                    "--endpoint", "github=" + serve(new EchoingHost(401, false), servers),
                    "--endpoint", "aistudio=" + serve(signingEchoes, servers)};
            List<List<String>> commands = List.of(
                    List.of("add", "--project", "p", "rsna-bone-age"),
                    List.of("add", "--project", "p", "https://www.kaggle.com/c/" + KaggleFake.NOT_ACCEPTED),
                    List.of("add", "--project", "p", "https://zenodo.org/records/8888"),
                    List.of("add", "--project", "p", "https://github.com/anjany/verse"),
                    List.of("add", "--project", "p", "https://aistudio.baidu.com/datasetdetail/35660"),
                    List.of("run", "--no-progress", "--retries", "0"),
                    List.of("status", "--json"), List.of("status", "--files", "--json"),
                    List.of("manifest", "-p", "p"));
            for (List<String> command : commands) {
                List<String> args = new ArrayList<>(List.of(global));
                args.addAll(command);
                CliRun run = CliRun.run(ENV, home, args.toArray(String[]::new));
                seen.add(command + " exit " + run.exitCode() + "\n" + run.out() + run.err());
            }
        } finally {
            servers.forEach(MockWebServer::close);
        }
        String all = String.join("\n", seen);
        assertTrue(all.contains("AI Studio refused a signed URL") && all.contains("Kaggle refused the file list"), all);
        assertNoCredential(all, "stdout and stderr");
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertNoCredential(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file.toString());
            }
        }
    }

    private static String serve(FakeHost host, List<MockWebServer> servers) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(host);
        server.start();
        servers.add(server);
        host.base(server.url("/"));
        return server.url("/").toString().replaceAll("/$", "");
    }

    /** Everything a user, a log or the database could get from one resolution, as text. */
    private String outcome(Resolver resolver, String link) {
        StringBuilder text = new StringBuilder();
        try {
            Resolution resolution = resolver.resolve(ResolverContract.entry(link), URI.create(link));
            text.append(resolution);
            if (resolution instanceof Resolution.Manual manual) {
                text.append(manual.instructions().render());
            }
            if (resolution instanceof Resolution.Fetch fetch) {
                HostAuthorizer authorizer = new HostAuthorizer(List.of(resolver));
                for (Source source : fetch.sources()) {
                    if (source instanceof Source.HttpSource http && http.auth() != null) {
                        try {
                            text.append(authorizer.authorize(http.auth(), http.url()));
                        } catch (ResolveException e) {
                            text.append(e.getMessage()).append(e);
                        }
                    }
                }
            }
        } catch (ResolveException e) {
            text.append(e.getMessage()).append(e);
        }
        return text.toString();
    }
}
