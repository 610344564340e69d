package org.medfetch.resolve.hosts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * GitHub's REST API answering with recorded exchanges (sources in api/github/README.md): a repository
 * whose release has an asset with a digest (PyGithub's ReplayData), a repository without releases
 * (octokit/fixtures), and a folder of a renamed repository that answers with a redirect (PyGithub).
 * Made by hand: the verse repository's folders and documents, a list with a draft and a pre-release
 * (stardist), the empty answers noted below and an account whose rate limit is used up.
 */
final class GitHubFake extends FakeHost {

    private static final String SOROCARBON = "github/PublicReleaseAsset.setUp.txt";
    private static final String BOOTSTRAP = "github/Issue174.testGetDirContentsWithHttpRedirect.txt";
    private static final MockResponse NONE = new MockResponse.Builder().code(200)
            .setHeader("Content-Type", "application/json").body("[]").build();

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        return switch (url.encodedPath()) {
            case "/repos/stellarcarbon/sorocarbon" -> body(exchange(SOROCARBON, 0).body());
            // The recording is the release itself (GET /releases/{id}); the list holds just that release.
            case "/repos/stellarcarbon/sorocarbon/releases" -> body("[" + exchange(SOROCARBON, 1).body() + "]");
            case "/repos/octokit-fixture-org/hello-world" -> body(octokit("github/octokit-get-repository.json"));
            case "/repos/twbs/bootstrap/contents/js" -> redirect(exchange(BOOTSTRAP, 0));
            case "/repositories/2126244/contents/js" -> body(exchange(BOOTSTRAP, 1).body());
            // Not recorded: no releases, and the sub-folders of js, answered empty.
            case "/repos/octokit-fixture-org/hello-world/releases", "/repos/anjany/verse/releases",
                 "/repos/twbs/bootstrap/contents/js/dist", "/repos/twbs/bootstrap/contents/js/src",
                 "/repos/twbs/bootstrap/contents/js/tests" -> NONE;
            case "/repos/anjany/verse" -> json("github/repo-verse.json");
            case "/repos/anjany/verse/contents/docs" -> json("github/contents-verse-docs.json");
            case "/repos/anjany/verse/contents/docs/sub" -> json("github/contents-verse-docs-sub.json");
            case "/repos/stardist/stardist" -> json("github/repo-stardist.json");
            case "/repos/stardist/stardist/releases" -> json("github/releases-stardist.json");
            case "/repos/busy/repo" -> new MockResponse.Builder().code(403).setHeader("x-ratelimit-limit", "60")
                    .setHeader("x-ratelimit-remaining", "0").setHeader("x-ratelimit-reset", "1767225600")
                    .setHeader("Content-Type", "application/json")
                    .body("{\"message\":\"API rate limit exceeded for 127.0.0.1.\",\"documentation_url\":"
                            + "\"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting\"}").build();
            default -> null;
        };
    }

    private static MockResponse body(String json) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
                .body(json).build();
    }

    /** The recorded redirect, its Location moved from api.github.com to this server. */
    private MockResponse redirect(Exchange exchange) {
        Matcher location = Pattern.compile("\\('Location', 'https://api\\.github\\.com/([^']*)'\\)")
                .matcher(exchange.headers());
        if (exchange.status() != 302 || !location.find()) {
            throw new IllegalStateException("the recording is no redirect");
        }
        return new MockResponse.Builder().code(302).setHeader("Location", base() + location.group(1)).build();
    }

    /**
     * Exchange {@code index} of one of PyGithub's ReplayData files: ten lines each (protocol, method,
     * host, port, path, request headers, request body, status, response headers, response body), then a
     * blank line.
     */
    private Exchange exchange(String resource, int index) {
        String[] lines = text(resource).split("\n", -1);
        int at = index * 11;
        return new Exchange(Integer.parseInt(lines[at + 7]), lines[at + 8], lines[at + 9]);
    }

    /** The response body of the first exchange in an octokit/fixtures raw fixture. */
    private String octokit(String resource) {
        try {
            return Json.MAPPER.readTree(text(resource)).get(0).get("response").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Exchange(int status, String headers, String body) {
    }
}
