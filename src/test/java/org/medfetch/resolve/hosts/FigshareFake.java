package org.medfetch.resolve.hosts;

import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Figshare's v2 API: the recorded answers for article 14763051 (its details, version 1, its files, and
 * a collection listing it; see the README beside the fixtures), BCN20000 (with a link-only file), an
 * article of only links, and one with 1,001 files to page through.
 */
final class FigshareFake extends FakeHost {

    static final int BIG = 1001;

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        return switch (url.encodedPath()) {
            case "/articles/24140028", "/articles/4444", "/articles/9999" -> json("figshare/article-24140028.json");
            case "/articles/24140028/files" -> json("figshare/files-24140028.json");
            case "/articles/4444/files" -> json("figshare/files-4444.json");
            case "/articles/9999/files" -> page(url);
            case "/articles/14763051", "/articles/14763051/versions/1" -> json("figshare/recorded-article-14763051.json");
            case "/articles/14763051/files" -> json("figshare/recorded-article-14763051-files.json");
            case "/collections/5555555/articles" -> json("figshare/recorded-articles-search-14763051.json");
            // A page of another site with figshare's path shape, whose id figshare does not know (hand-written).
            case "/articles/dataset/a-page/777" -> html("<html>News</html>");
            default -> null;
        };
    }

    private MockResponse page(HttpUrl url) {
        int page = Integer.parseInt(url.queryParameter("page"));
        int size = Integer.parseInt(url.queryParameter("page_size"));
        List<String> files = new ArrayList<>();
        for (int i = (page - 1) * size; i < Math.min(BIG, page * size); i++) {
            files.add("{\"id\": " + (1000 + i) + ", \"name\": \"slide_" + i + ".svs\", \"size\": " + i
                    + ", \"is_link_only\": false, \"download_url\": \"https://ndownloader.figshare.com/files/" + (1000 + i)
                    + "\", \"supplied_md5\": \"\", \"computed_md5\": \"\"}");
        }
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("[" + String.join(",", files) + "]").build();
    }
}
