package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * GitHub's REST API: a repository without releases (verse), one with a draft, a pre-release and a
 * stable release with assets (stardist), and an account whose rate limit is used up.
 */
final class GitHubFake extends FakeHost {

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        return switch (url.encodedPath()) {
            case "/repos/anjany/verse" -> json("github/repo-verse.json");
            case "/repos/anjany/verse/releases" -> new MockResponse.Builder().code(200)
                    .setHeader("Content-Type", "application/json").body("[]").build();
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
}
