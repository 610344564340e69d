package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * Resolves with known fake credentials against every kind of answer (success, refusals, errors, a
 * server that echoes what it was sent, a host that is down) and checks that no credential appears in
 * any message, resolution or authorization a user or the database could see.
 */
class SecretsNeverShowTest {

    static final String KAGGLE_USER = "kaggle-user";
    static final String KAGGLE_KEY = "kaggle-SECRET-5f4e3d2c1b0a";
    static final String AISTUDIO = "aistudio-SECRET-445566";
    static final String AK = "ak-SECRET-1122";
    static final String SK = "sk-SECRET-3344";
    static final String ZENODO = "zenodo-SECRET-7788";
    static final String GITHUB = "ghp-SECRET-9900";
    static final Map<String, String> ENV = Map.of("KAGGLE_USERNAME", KAGGLE_USER, "KAGGLE_KEY", KAGGLE_KEY,
            "AISTUDIO_ACCESS_TOKEN", AISTUDIO, "OPENXLAB_AK", AK, "OPENXLAB_SK", SK, "ZENODO_TOKEN", ZENODO,
            "GITHUB_TOKEN", GITHUB);
    static final List<String> FORBIDDEN = List.of(KAGGLE_KEY, AISTUDIO, AK, SK, ZENODO, GITHUB, OpenXLabFake.JWT,
            Base64.getEncoder().encodeToString((KAGGLE_USER + ":" + KAGGLE_KEY).getBytes(StandardCharsets.UTF_8)));

    record Scenario(String link, BiFunction<URI, UserConfig, Resolver> resolver) {
    }

    final OkHttpClient http = new OkHttpClient();

    @TempDir
    Path home;

    List<Scenario> scenarios() {
        return List.of(
                new Scenario("https://www.kaggle.com/datasets/kmader/rsna-bone-age",
                        (base, user) -> new KaggleResolver(http, base, new KaggleCredentials(user))),
                new Scenario("https://www.kaggle.com/c/" + KaggleFake.NOT_ACCEPTED,
                        (base, user) -> new KaggleResolver(http, base, new KaggleCredentials(user))),
                new Scenario("https://aistudio.baidu.com/datasetdetail/35660",
                        (base, user) -> new AiStudioResolver(http, base, new AiStudioToken(user))),
                new Scenario("https://opendatalab.com/OpenDataLab/HC18",
                        (base, user) -> new OpenDataLabResolver(http, base,
                                URI.create(base + "/" + OpenDataLabResolver.SIGN_IN_PATH), new OpenXLabKeys(user))),
                new Scenario("https://zenodo.org/records/8888", (base, user) -> new ZenodoResolver(http, base, user)),
                new Scenario("https://github.com/anjany/verse", (base, user) -> new GitHubResolver(http, base, user)));
    }

    /** Every host's own fake (answering as it should), then hostile and failing hosts. */
    List<FakeHost> hosts() {
        List<FakeHost> hosts = new ArrayList<>(List.of(new KaggleFake("Basic " + Base64.getEncoder().encodeToString(
                (KAGGLE_USER + ":" + KAGGLE_KEY).getBytes(StandardCharsets.UTF_8))), new AiStudioFake(AISTUDIO),
                new OpenXLabFake(AK, SK), new ZenodoFake(), new GitHubFake()));
        for (int code : new int[] {400, 401, 403, 404, 429, 500, 601}) {
            hosts.add(new EchoingHost(code));
        }
        FakeHost malformed = new EchoingHost(200);
        malformed.answerEverything(new MockResponse.Builder().code(200).body("{\"broken\": ").build());
        hosts.add(malformed);
        return hosts;
    }

    @Test
    void noCredentialAppearsInAnyOutcome() throws IOException {
        List<String> seen = new ArrayList<>();
        for (Scenario scenario : scenarios()) {
            for (FakeHost host : hosts()) {
                try (MockWebServer server = new MockWebServer()) {
                    server.setDispatcher(host);
                    server.start();
                    host.base(server.url("/"));
                    URI base = URI.create(server.url("/").toString().replaceAll("/$", ""));
                    Resolver resolver = scenario.resolver().apply(base, new UserConfig(ENV, home, seen::add));
                    seen.add(outcome(resolver, scenario.link()));
                    seen.add(resolver.toString());
                }
            }
            URI down = URI.create("http://127.0.0.1:9");
            seen.add(outcome(scenario.resolver().apply(down, new UserConfig(ENV, home, seen::add)), scenario.link()));
        }
        String all = String.join("\n", seen);
        for (String secret : FORBIDDEN) {
            assertFalse(all.contains(secret), () -> "a credential shows in:\n" + all);
        }
        assertFalse(all.isBlank());
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
