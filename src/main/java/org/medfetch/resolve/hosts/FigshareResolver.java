package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Host;
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
 * Figshare items, expanded through the v2 API into files with sizes and computed MD5s: articles
 * ({@code /articles/<type>/<slug>/<id>[/<version>]}, a DOI {@code 10.6084/m9.figshare.<id>[.v<k>]}),
 * collections ({@code /collections/<slug>/<id>}: every article's files, one folder per article), on
 * figshare.com and on institutional portals ({@code *.figshare.com}, {@code figshare.<institution>.ac.uk}),
 * which the same API serves. Portals on an institution's own domain (rdr.ucl.ac.uk, ...) are known by
 * the path shape figshare gives every item, {@code /articles/<item type>/<slug>/<id>}, with one of
 * figshare's item types, and by {@code /ndownloader/files/<id>} (one file, downloaded as is); on such a
 * domain, an id the API does not know leaves the link to the web page it then is. A {@code ?file=<id>}
 * link keeps that one file. Files that are only links to another site are named in the notes. A private
 * link ({@code /s/<hash>}) is for a browser.
 *
 * <p>Reference: https://docs.figshare.com/#public_article_files, #public_collection_articles,
 * #public_article_version_details
 */
public final class FigshareResolver implements Resolver {

    public static final Host HOST = Host.named("figshare", "api: articles, versions, collections, portals; MD5 "
            + "checked; private links manual").api("https://api.figshare.com/v2")
            .domains("figshare.com", "*.figshare.com", "figshare.<institution>.ac.uk", "doi.org/10.6084/m9.figshare.*")
            .examples("https://figshare.com/articles/dataset/BCN20000/24140028",
                    "https://doi.org/10.6084/m9.figshare.14763051.v1",
                    "https://figshare.com/collections/MedMNIST/5555555",
                    "https://figshare.manchester.ac.uk/articles/dataset/Qubit/32055810",
                    "https://rdr.ucl.ac.uk/articles/dataset/SERV-CT_A_disparity_dataset_from_cone-beam_CT_for_validation"
                            + "_of_endoscopic_3D_reconstruction/26352199",
                    "https://rdr.ucl.ac.uk/ndownloader/files/47779282",
                    "https://figshare.com/s/865e694ad06d5857db4b")
            .ids(id -> "https://figshare.com/articles/dataset/mirror/" + id);
    public static final String NAME = HOST.name();
    /** The largest page the API serves (docs.figshare.com, "Searching, filtering and pagination"). */
    private static final int PAGE_SIZE = 1000;
    /** Figshare's own DOIs: 10.6084/m9.figshare.ID, with .vK for one version. */
    private static final Pattern DOI = Pattern.compile("/?10\\.6084/m9\\.figshare\\.(\\d+)(?:\\.v(\\d+))?");

    /**
     * The item types of figshare's URLs ({@code /articles/<type>/...}), as its API lists them
     * (docs.figshare.com, "Public item types": url_name).
     */
    private static final Set<String> ITEM_TYPES = Set.of("figure", "media", "dataset", "poster",
            "journal_contribution", "presentation", "thesis", "software", "online_resource", "preprint", "book",
            "conference_contribution", "chapter", "peer_review", "educational_resource", "report", "standard",
            "composition", "funding", "physical_object", "data_management_plan", "workflow", "monograph",
            "performance", "event", "service", "model");

    /** What a link names: an article (and maybe its version), a collection, a private link, or one file. */
    record Item(Kind kind, String id, String version) {
        enum Kind { ARTICLE, COLLECTION, PRIVATE, FILE }
    }

    private final HostClient api;
    private final HttpUrl base;
    private final WebPageResolver web;

    public FigshareResolver(HostContext context) {
        this.api = context.client("Figshare", "The article may be private or embargoed: open its page to "
                + "request access.");
        this.base = context.api(HOST);
        this.web = new WebPageResolver(context);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && (ownDomain(link)
                || HostName.within(link, "doi.org") && DOI.matcher(link.getPath()).matches() || portal(link) != null);
    }

    private static boolean ownDomain(URI link) {
        return HostName.within(link, "figshare.com") || HostName.host(link).startsWith("figshare.");
    }

    /** An article or file link of figshare's own shape on a portal's domain, or null. */
    private static Item portal(URI link) {
        List<String> s = HostName.segments(link);
        if (s.size() == 3 && s.get(0).equals("ndownloader") && s.get(1).equals("files") && s.get(2).matches("\\d+")) {
            return new Item(Item.Kind.FILE, s.get(2), null);
        }
        if (s.size() == 2 && s.get(0).equals("files") && s.get(1).matches("\\d+")
                && HostName.host(link).equals("ndownloader.figshare.com")) {
            return new Item(Item.Kind.FILE, s.get(1), null);
        }
        boolean article = (s.size() == 4 || s.size() == 5) && s.get(0).equals("articles") && ITEM_TYPES.contains(s.get(1))
                && s.get(3).matches("\\d+") && (s.size() == 4 || s.get(4).matches("\\d+"));
        return article ? new Item(Item.Kind.ARTICLE, s.get(3), s.size() == 5 ? s.get(4) : null) : null;
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        Item item = item(link);
        if (item == null) {
            String reason = link + " names no Figshare article or collection (expected .../articles/.../<id>)";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "link the article page"));
        }
        if (item.kind() == Item.Kind.PRIVATE) {
            return Classification.manual(NAME, privateLink(entry, link));
        }
        return Classification.of(item.kind() == Item.Kind.FILE ? LinkClass.HTTP : LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        Item item = item(link);
        if (item == null) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        if (item.kind() == Item.Kind.ARTICLE && !ownDomain(link) && api.send(api.request(base.newBuilder()
                .addPathSegment("articles").addPathSegment(item.id()).build(), Map.of()).build()).code() == 404) {
            return web.resolve(entry, link);
        }
        return switch (item.kind()) {
            case PRIVATE -> new Resolution.Manual(privateLink(entry, link));
            case COLLECTION -> collection(item.id(), link);
            case ARTICLE -> article(item, link);
            case FILE -> new Resolution.Fetch(List.of(Source.HttpSource.of(link, "figshare-file-" + item.id())));
        };
    }

    private Resolution article(Item item, URI link) throws ResolveException {
        HttpUrl article = base.newBuilder().addPathSegment("articles").addPathSegment(item.id()).build();
        FigshareApi.Article about;
        List<FigshareApi.File> files;
        if (item.version() != null) {
            // A version's details carry its files (ArticleComplete.files).
            about = api.get(article.newBuilder().addPathSegment("versions").addPathSegment(item.version()).build(),
                    Map.of(), FigshareApi.Article.class);
            files = about.files() == null ? List.of() : about.files();
        } else {
            about = api.get(article, Map.of(), FigshareApi.Article.class);
            files = files(article);
        }
        String only = HostName.query(link, "file");
        List<Source> sources = new ArrayList<>();
        List<String> linkOnly = new ArrayList<>();
        for (FigshareApi.File file : files) {
            if (only == null || (file.id() != null && only.equals(Long.toString(file.id())))) {
                add(file, null, sources, linkOnly);
            }
        }
        DatasetInfo info = new DatasetInfo(about.title(), about.doi(),
                about.license() == null ? null : about.license().name(), about.citation(),
                about.figshareUrl() != null ? about.figshareUrl() : link.toString(),
                about.authors() == null ? List.of() : about.authors().stream().map(FigshareApi.Author::fullName).toList(),
                DatasetInfo.yearOf(about.publishedDate()), about.version() == null ? null : String.valueOf(about.version()),
                "figshare");
        return result(sources, linkOnly, info, "article " + item.id() + (only != null ? " has no file " + only : ""));
    }

    /** Every article of a collection, each in a folder named by its id. */
    private Resolution collection(String id, URI link) throws ResolveException {
        HttpUrl collection = base.newBuilder().addPathSegment("collections").addPathSegment(id).build();
        List<Source> sources = new ArrayList<>();
        List<String> linkOnly = new ArrayList<>();
        for (int page = 1; ; page++) {
            HttpUrl url = collection.newBuilder().addPathSegment("articles").addQueryParameter("page",
                    Integer.toString(page)).addQueryParameter("page_size", Integer.toString(PAGE_SIZE)).build();
            FigshareApi.Article[] articles = api.get(url, Map.of(), FigshareApi.Article[].class);
            for (FigshareApi.Article article : articles) {
                if (article.id() == null) {
                    throw api.unexpected("an article of collection " + id + " has no id");
                }
                HttpUrl files = base.newBuilder().addPathSegment("articles").addPathSegment(article.id().toString())
                        .build();
                for (FigshareApi.File file : files(files)) {
                    add(file, article.id().toString(), sources, linkOnly);
                }
            }
            if (articles.length < PAGE_SIZE) {
                break;
            }
        }
        return result(sources, linkOnly, new DatasetInfo(null, null, null, null, link.toString()),
                "collection " + id);
    }

    private void add(FigshareApi.File file, String folder, List<Source> sources, List<String> linkOnly)
            throws ResolveException {
        if (file.name() == null || file.downloadUrl() == null) {
            throw api.unexpected("a file has no name or download_url");
        }
        if (file.onlyALink()) {
            linkOnly.add(file.name() + ": " + file.downloadUrl());
            return;
        }
        URI url = api.link(file.downloadUrl(), "the download_url of " + file.name());
        String path = RemotePath.of(folder == null ? file.name() : folder + "/" + file.name(), api);
        sources.add(new Source.HttpSource(url, path, file.size(), md5(file), null));
    }

    private Resolution result(List<Source> sources, List<String> linkOnly, DatasetInfo info, String empty)
            throws ResolveException {
        Instructions elsewhere = linkOnly.isEmpty() ? null : new Instructions(linkOnly.size()
                + " file(s) of this item are only links to another site; fetch them there:", linkOnly);
        if (sources.isEmpty()) {
            if (elsewhere != null) {
                return new Resolution.Manual(elsewhere);
            }
            throw api.unexpected(empty.contains("has no file") ? empty : empty + " lists no files");
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

    /** What the link names, or null when it names nothing Figshare serves. */
    static Item item(URI link) {
        if (!ownDomain(link) && !HostName.within(link, "doi.org")) {
            return portal(link);
        }
        if (portal(link) != null && portal(link).kind() == Item.Kind.FILE) {
            return portal(link);
        }
        Matcher doi = DOI.matcher(link.getPath() == null ? "" : link.getPath());
        if (HostName.within(link, "doi.org")) {
            return doi.matches() ? new Item(Item.Kind.ARTICLE, doi.group(1), doi.group(2)) : null;
        }
        List<String> s = HostName.segments(link);
        if (s.size() == 2 && s.get(0).equals("s")) {
            return new Item(Item.Kind.PRIVATE, s.get(1), null);
        }
        for (Item.Kind kind : List.of(Item.Kind.ARTICLE, Item.Kind.COLLECTION)) {
            int at = s.indexOf(kind == Item.Kind.ARTICLE ? "articles" : "collections");
            if (at >= 0) {
                List<String> numbers = s.subList(at + 1, s.size()).stream().filter(p -> p.matches("\\d+")).toList();
                return numbers.isEmpty() ? null
                        : new Item(kind, numbers.get(0), numbers.size() > 1 && kind == Item.Kind.ARTICLE
                        ? numbers.get(1) : null);
            }
        }
        return null;
    }

    private static Instructions privateLink(CatalogEntry entry, URI link) {
        return new Instructions("A Figshare private link: the item is not public, so its API does not serve it.",
                List.of("Open " + link + " in a browser and download its files (\"Download all\")",
                        Steps.putFilesIn(entry), Steps.adopt(entry),
                        "Or ask the owner for the published item's link, which medfetch fetches by itself"));
    }
}
