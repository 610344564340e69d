package org.medfetch.resolve.hosts.kaggle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.hosts.HostClient;
import org.medfetch.resolve.hosts.HostAnswer;

/** The Kaggle API calls that list a dataset's or a competition's files, page by page. */
final class KaggleListing {

    private static final int PAGE_SIZE = 200;

    private final HostClient api;
    private final HttpUrl base;

    KaggleListing(HostClient api, HttpUrl base) {
        this.api = api;
        this.base = base;
    }

    /** {@code GET /datasets/list/OWNER/NAME}, every page. */
    List<KaggleApi.File> dataset(KaggleLink link, Map<String, String> headers) throws ResolveException {
        List<KaggleApi.File> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String token = null;
        do {
            HttpUrl.Builder url = base.newBuilder().addPathSegments("datasets/list").addPathSegment(link.owner())
                    .addPathSegment(link.slug()).addQueryParameter("pageSize", Integer.toString(PAGE_SIZE));
            if (link.version() != null) {
                url.addQueryParameter("datasetVersionNumber", link.version());
            }
            if (token != null) {
                url.addQueryParameter("pageToken", token);
            }
            KaggleApi.DatasetFiles page = api.get(url.build(), headers, KaggleApi.DatasetFiles.class);
            if (page.errorMessage() != null && !page.errorMessage().isBlank()) {
                throw new ResolveException("Kaggle refused the file list of " + link.ref() + ": "
                        + HostAnswer.shorten(page.errorMessage()), false);
            }
            if (page.datasetFiles() == null) {
                throw api.unexpected("the file list of " + link.ref() + " has no 'datasetFiles'");
            }
            all.addAll(page.datasetFiles());
            token = next(page.nextPageToken(), seen);
        } while (token != null);
        return all;
    }

    /**
     * {@code GET /competitions/data/list/NAME}, every page; the answer is {@code {files, nextPageToken}}
     * or, from older servers, a bare array. Empty when Kaggle says the rules must be accepted first.
     */
    Optional<List<KaggleApi.File>> competition(KaggleLink link, Map<String, String> headers)
            throws ResolveException {
        List<KaggleApi.File> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String token = null;
        do {
            HttpUrl.Builder url = base.newBuilder().addPathSegments("competitions/data/list").addPathSegment(link.slug())
                    .addQueryParameter("pageSize", Integer.toString(PAGE_SIZE));
            if (token != null) {
                url.addQueryParameter("pageToken", token);
            }
            HostAnswer answer = api.send(api.request(url.build(), headers).build());
            if (rulesNotAccepted(answer)) {
                return Optional.empty();
            }
            JsonNode tree = api.read(answer, JsonNode.class);
            if (tree.isArray()) {
                all.addAll(List.of(api.convert(tree, KaggleApi.File[].class, "the file list of " + link.ref())));
                return Optional.of(all);
            }
            KaggleApi.CompetitionFiles page = api.convert(tree, KaggleApi.CompetitionFiles.class,
                    "the file list of " + link.ref());
            if (page.files() == null) {
                throw api.unexpected("the file list of " + link.ref() + " has no 'files'");
            }
            all.addAll(page.files());
            token = next(page.nextPageToken(), seen);
        } while (token != null);
        return Optional.of(all);
    }

    /**
     * Whether the competition's archive may be downloaded: asks for it without following the redirect
     * to the bytes. False when Kaggle says the rules must be accepted first; other refusals throw.
     */
    boolean rulesAccepted(KaggleLink link, Map<String, String> headers) throws ResolveException {
        HttpUrl url = base.newBuilder().addPathSegments("competitions/data/download-all").addPathSegment(link.slug())
                .build();
        HostAnswer answer = api.probe(api.request(url, headers).build());
        if (rulesNotAccepted(answer)) {
            return false;
        }
        if (answer.code() >= 300 && answer.code() < 400) {
            return true;
        }
        api.check(answer);
        return true;
    }

    /**
     * Kaggle's 403 before the rules are accepted: "You must accept this competition's rules before
     * you'll be able to download files." (Kaggle/kaggle-cli#152, openai/mle-bench#29).
     */
    static boolean rulesNotAccepted(HostAnswer answer) {
        return answer.code() == 403 && answer.says("rules");
    }

    /** {@code GET /datasets/view/OWNER/NAME}: title and license, when the endpoint still answers. */
    Optional<KaggleApi.Dataset> view(KaggleLink link, Map<String, String> headers) {
        HttpUrl url = base.newBuilder().addPathSegments("datasets/view").addPathSegment(link.owner())
                .addPathSegment(link.slug()).build();
        try {
            return Optional.of(api.get(url, headers, KaggleApi.Dataset.class));
        } catch (ResolveException e) {
            // Only the title and license come from here; the files are what matters.
            return Optional.empty();
        }
    }

    /** The next page token, or null at the end; a token that comes back twice would loop forever. */
    private String next(String token, Set<String> seen) throws ResolveException {
        if (token == null || token.isBlank()) {
            return null;
        }
        if (!seen.add(token)) {
            throw api.unexpected("the file list repeats its page token");
        }
        return token;
    }
}
