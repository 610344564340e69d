package org.medfetch.workflow;

import java.nio.file.Path;
import java.time.Clock;
import org.medfetch.catalog.Catalog;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.Lookup;
import org.medfetch.engine.Engine;
import org.medfetch.engine.Transfers;
import org.medfetch.engine.http.LinkProbe;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.mirrors.DatasetNotes;
import org.medfetch.resolve.mirrors.MirrorSources;
import org.medfetch.store.Job;
import org.medfetch.store.Store;

/**
 * One invocation's view of a workspace: its folder, the catalog in use, the resolvers, and (opened on
 * first use, so that read-only commands never create it) the state database.
 */
public final class Workspace implements AutoCloseable {

    private final Path root;
    private final Catalog catalog;
    private final Resolvers resolvers;
    private final MirrorSources mirrors;
    private final DatasetNotes notes;
    private final Transfers transfers;
    private final LinkProbe linkProbe;
    private final Clock clock;
    private Store store;

    public Workspace(Path root, Catalog catalog, Resolvers resolvers, MirrorSources mirrors, DatasetNotes notes,
                     Transfers transfers, LinkProbe linkProbe, Clock clock) {
        this.root = root;
        this.catalog = catalog;
        this.resolvers = resolvers;
        this.mirrors = mirrors;
        this.notes = notes;
        this.transfers = transfers;
        this.linkProbe = linkProbe;
        this.clock = clock;
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

    public MirrorSources mirrors() {
        return mirrors;
    }

    public DatasetNotes notes() {
        return notes;
    }

    public LinkProbe linkProbe() {
        return linkProbe;
    }

    public Clock clock() {
        return clock;
    }

    /** The folder a dataset's files go to. */
    public Path datasetDir(String datasetId) {
        return root.resolve("downloads").resolve(datasetId);
    }

    public synchronized Store store() {
        if (store == null) {
            store = Store.open(root.resolve("downloads").resolve(".medfetch").resolve("state.db"), clock);
        }
        return store;
    }

    public Engine engine() {
        return new Engine(store(), root, transfers, clock);
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

    /** A queued job by its dataset id, or by a catalog name that leads to one. */
    public Job job(String query) {
        return store().jobByDataset(query.strip()).orElseGet(() -> {
            CatalogEntry entry = dataset(query);
            return store().jobByDataset(entry.id()).orElseThrow(() ->
                    new UsageException("'" + entry.id() + "' is not queued; add it first: medfetch add " + entry.id()));
        });
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
