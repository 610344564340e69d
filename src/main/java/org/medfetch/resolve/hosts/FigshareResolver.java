package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.LinkIssue;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;

/**
 * Figshare articles ({@code figshare.com/articles/<type>/<slug>/<id>[/<version>]}), expanded through
 * the v2 API into files with sizes and computed MD5s.
 *
 * <p>Reference: https://docs.figshare.com/#public_article_files
 */
public final class FigshareResolver implements Resolver {

    public static final String NAME = "figshare";

    @Override
    public String name() {
        return NAME;
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
        throw new ResolveException("Figshare articles are expanded by the Figshare API resolver", false);
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
