package org.medfetch.workflow;

import java.nio.file.Path;
import org.medfetch.catalog.Catalog;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.Lookup;
import org.medfetch.resolve.Resolvers;

/** One invocation's view of a workspace: its folder, the catalog in use and the resolvers. */
public final class Workspace {

    private final Path root;
    private final Catalog catalog;
    private final Resolvers resolvers;

    public Workspace(Path root, Catalog catalog, Resolvers resolvers) {
        this.root = root;
        this.catalog = catalog;
        this.resolvers = resolvers;
    }

    public Path root() {
        return root;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Resolvers resolvers() {
        return resolvers;
    }

    /** The dataset a user named, or a usage error listing the closest candidates. */
    public CatalogEntry dataset(String query) {
        Lookup found = catalog.lookup(query);
        if (found instanceof Lookup.Found f) {
            return f.entry();
        }
        if (found instanceof Lookup.Ambiguous a) {
            throw new UsageException("'" + a.query() + "' matches several datasets: " + String.join(", ", a.candidates())
                    + "; give more of the name");
        }
        Lookup.NotFound nf = (Lookup.NotFound) found;
        throw new UsageException("no dataset '" + nf.query() + "' in the catalog; closest: "
                + String.join(", ", nf.closest()) + " (medfetch catalog lists them all)");
    }
}
