package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.LinkIssue;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * Figshare articles ({@code figshare.com/articles/<type>/<slug>/<id>[/<version>]}), expanded through
 * the v2 API into files with sizes and computed MD5s. A {@code ?file=<id>} link keeps that one file.
 * Files that are only links to another site are left out and named in the notes.
 *
 * <p>Reference: https://docs.figshare.com/#public_article_files
 */
public final class FigshareResolver implements Resolver {

    public static final String NAME = "figshare";
    public static final URI DEFAULT_BASE = URI.create("https://api.figshare.com/v2");
    /** The largest page the API serves (docs.figshare.com, "Searching, filtering and pagination"). */
    private static final int PAGE_SIZE = 1000;

    private final HostClient api;
    private final HttpUrl base;

    public FigshareResolver(OkHttpClient http, URI base) {
        this.api = new HostClient(http, "Figshare", "The article may be private or embargoed: open its page to "
                + "request access.");
        this.base = HttpUrl.get(base.toString());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public URI defaultBase() {
        return DEFAULT_BASE;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "figshare.com");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        if (articleId(link) == null) {
            String reason = link + " names no Figshare article (expected figshare.com/articles/.../<id>)";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "link the article page"));
        }
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        String id = articleId(link);
        if (id == null) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        HttpUrl article = base.newBuilder().addPathSegment("articles").addPathSegment(id).build();
        FigshareApi.Article about = api.get(article, Map.of(), FigshareApi.Article.class);
        String only = HostName.query(link, "file");
        List<Source> sources = new ArrayList<>();
        List<String> linkOnly = new ArrayList<>();
        for (FigshareApi.File file : files(article)) {
            if (only != null && (file.id() == null || !only.equals(Long.toString(file.id())))) {
                continue;
            }
            if (file.name() == null || file.downloadUrl() == null) {
                throw api.unexpected("a file of article " + id + " has no name or download_url");
            }
            if (file.onlyALink()) {
                linkOnly.add(file.name() + ": " + file.downloadUrl());
                continue;
            }
            URI url = api.link(file.downloadUrl(), "the download_url of " + file.name());
            sources.add(new Source.HttpSource(url, RemotePath.of(file.name(), api), file.size(), md5(file), null));
        }
        DatasetInfo info = new DatasetInfo(about.title(), about.doi(),
                about.license() == null ? null : about.license().name(), about.citation(),
                about.figshareUrl() != null ? about.figshareUrl() : link.toString(),
                about.authors() == null ? List.of() : about.authors().stream().map(FigshareApi.Author::fullName).toList(),
                DatasetInfo.yearOf(about.publishedDate()), about.version() == null ? null : String.valueOf(about.version()),
                "figshare");
        Instructions elsewhere = linkOnly.isEmpty() ? null : new Instructions(linkOnly.size()
                + " file(s) of this article are only links to another site; fetch them there:", linkOnly);
        if (sources.isEmpty()) {
            if (elsewhere != null) {
                return new Resolution.Manual(elsewhere);
            }
            throw api.unexpected("article " + id + " lists no files" + (only != null ? " with id " + only : ""));
        }
        return new Resolution.Fetch(sources, elsewhere, info, Map.of());
    }

    private List<Checksum> md5(FigshareApi.File file) throws ResolveException {
        if (file.md5() == null || file.md5().isBlank()) {
            return List.of();
        }
        try {
            return List.of(new Checksum("md5", file.md5()));
        } catch (IllegalArgumentException e) {
            throw api.unexpected("the MD5 of " + file.name() + " is not 32 hex digits");
        }
    }

    /** Every file of the article, page by page. */
    private List<FigshareApi.File> files(HttpUrl article) throws ResolveException {
        List<FigshareApi.File> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            HttpUrl url = article.newBuilder().addPathSegment("files").addQueryParameter("page", Integer.toString(page))
                    .addQueryParameter("page_size", Integer.toString(PAGE_SIZE)).build();
            FigshareApi.File[] batch = api.get(url, Map.of(), FigshareApi.File[].class);
            all.addAll(Arrays.asList(batch));
            if (batch.length < PAGE_SIZE) {
                return all;
            }
        }
    }

    /** The article id: the numeric segment after the slug (a trailing version number is skipped). */
    static String articleId(URI link) {
        List<String> s = HostName.segments(link);
        int articles = s.indexOf("articles");
        if (articles < 0) {
            return null;
        }
        List<String> numbers = s.subList(articles + 1, s.size()).stream().filter(p -> p.matches("\\d+")).toList();
        return numbers.isEmpty() ? null : numbers.get(0);
    }
}
