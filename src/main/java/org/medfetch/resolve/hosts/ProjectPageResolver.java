package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Resolver;

/**
 * Project pages on GitHub Pages ({@code *.github.io}), such as MHIST's: they describe how to request
 * the data (typically a form, after which the links arrive by e-mail) rather than hosting it.
 *
 * <p>Reference: https://bmirds.github.io/MHIST/#accessing-dataset (an example of such a page)
 */
public final class ProjectPageResolver implements Resolver {

    public static final String NAME = "project-page";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "github.io");
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
        return new Instructions("Project page: access is requested through the page (usually a form; the "
                + "download links then arrive by e-mail).", List.of(
                "Open " + link + " and follow its access instructions (fill in the form, accept the agreement)",
                "When the links arrive, run: medfetch add <link>... for direct links, or download the files into "
                        + Steps.folder(entry),
                Steps.adopt(entry)));
    }
}
