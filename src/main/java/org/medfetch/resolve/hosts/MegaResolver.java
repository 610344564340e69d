package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Resolver;

/**
 * MEGA links. Their content is encrypted in the client with the key after '#', so a plain HTTP GET is
 * useless; the megatools client downloads and decrypts them.
 *
 * <p>Reference: megatools-dl(1), https://megatools.megous.com/man/megatools-dl.html
 */
public final class MegaResolver implements Resolver {

    public static final String NAME = "mega";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && (HostName.within(link, "mega.nz") || HostName.within(link, "mega.co.nz"));
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
        return new Instructions("MEGA link: the files are encrypted in the browser; download them with megatools.",
                List.of(
                        "Install megatools 1.10.3 or later (Debian/Ubuntu: sudo apt-get install megatools)",
                        "Download into the dataset folder (resume is the default): mkdir -p " + Steps.folder(entry)
                                + " && megatools dl --path " + Steps.folder(entry) + " '" + link + "'",
                        "Older megatools (megadl) need the old link form https://mega.nz/#F!<id>!<key>",
                        Steps.adopt(entry)));
    }
}
