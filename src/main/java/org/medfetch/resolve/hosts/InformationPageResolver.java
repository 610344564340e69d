package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Resolver;

/**
 * Pages that describe a dataset but do not host it: Notion pages (rendered by JavaScript) and CSDN
 * blog articles (which usually point on to a netdisk share).
 *
 * <p>Reference: none needed; the class follows from the kind of site.
 */
public final class InformationPageResolver implements Resolver {

    public static final String NAME = "info-page";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && (HostName.within(link, "notion.so") || HostName.within(link, "notion.site")
                || HostName.within(link, "csdn.net"));
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.manual(NAME, instructions(entry, link));
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) {
        return new Resolution.Manual(instructions(entry, link));
    }

    private static Instructions instructions(CatalogEntry entry, URI link) {
        String site = HostName.within(link, "csdn.net") ? "a CSDN blog article" : "a Notion page";
        return new Instructions("The link is " + site + ", not a data host: the real download is somewhere it points to.",
                List.of(
                        "Open " + link + " and follow it to the actual download (often a netdisk share)",
                        "If that is a direct file link, run: medfetch add <that link>; otherwise download the files into "
                                + Steps.folder(entry),
                        Steps.adopt(entry)));
    }
}
