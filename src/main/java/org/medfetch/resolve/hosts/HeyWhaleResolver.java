package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Resolver;

/**
 * HeyWhale (和鲸社区) datasets: no public API or client is known, so a logged-in person downloads them.
 *
 * <p>Reference: https://www.heywhale.com (no API documentation found; see hosts.md)
 */
public final class HeyWhaleResolver implements Resolver {

    public static final String NAME = "heywhale";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "heywhale.com");
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
        return new Instructions("HeyWhale dataset: downloads need a HeyWhale account and a browser.", List.of(
                "Log in at https://www.heywhale.com (和鲸社区)",
                "Open " + link + " and download each file from its 数据集 panel",
                Steps.putFilesIn(entry),
                Steps.adopt(entry)));
    }
}
