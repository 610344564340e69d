package org.medfetch.workflow;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.medfetch.catalog.Catalog;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.Lookup;
import org.medfetch.engine.Engine;
import org.medfetch.engine.http.HttpRanges;
import org.medfetch.engine.Transfers;
import org.medfetch.extract.FreeSpace;
import org.medfetch.resolve.DoiMetadata;
import org.medfetch.resolve.web.LinkProbe;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.web.ProbeCache;
import org.medfetch.resolve.mirrors.DatasetNotes;
import org.medfetch.resolve.mirrors.MirrorSources;
import org.medfetch.store.Job;
import org.medfetch.store.Store;
import org.medfetch.store.StoreAddress;

/**
 * One invocation's view of a workspace: its folder, the catalog in use, the resolvers, the transfers
 * and the state database. Each part is made on first use: a status reads no catalog and builds no HTTP
 * client, and read-only commands never create the database.
 */
public final class Workspace implements AutoCloseable {

    /**
     * How the parts are made; the composition root supplies them.
     *
     * @param doi       DOI metadata by content negotiation (cite --online)
     * @param freeSpace what the file system has free, checked before an archive is unpacked
     */
    public record Parts(Supplier<Catalog> catalog, Function<ProbeCache, Resolvers> resolvers,
                        Function<Resolvers, MirrorSources> mirrors,
                        Supplier<DatasetNotes> notes, Function<Resolvers, Transfers> transfers, Supplier<LinkProbe> linkProbe,
                        Supplier<DoiMetadata> doi, FreeSpace freeSpace, Supplier<HttpRanges> http) {
    }

    private final Path root;
    private final Supplier<Catalog> catalog;
    private final Supplier<Resolvers> resolvers;
    private final Supplier<MirrorSources> mirrors;
    private final Supplier<DatasetNotes> notes;
    private final Supplier<Transfers> transfers;
    private final Supplier<LinkProbe> linkProbe;
    private final Supplier<DoiMetadata> doi;
    private final FreeSpace freeSpace;
    private final Supplier<HttpRanges> http;
    private final Clock clock;
    private final Supplier<StoreAddress> storeAddress;
    private Store store;

    /** A workspace whose queue is its own SQLite database. */
    public Workspace(Path root, Parts parts, Clock clock) {
        this(root, parts, clock, null);
    }

    /**
     * @param store where the queue is (--store), worked out on first use (a command that needs no queue reads
     *              no password file); null for the workspace's own SQLite database
     */
    public Workspace(Path root, Parts parts, Clock clock, Supplier<StoreAddress> store) {
        this.root = root;
        this.storeAddress = once(store != null ? store : () -> new StoreAddress.Sqlite(stateFile(root)));
        this.catalog = once(parts.catalog());
        ProbeCache probes = new StoredProbes(this);
        this.resolvers = once(() -> parts.resolvers().apply(probes));
        this.mirrors = once(() -> parts.mirrors().apply(resolvers()));
        this.notes = once(parts.notes());
        this.transfers = once(() -> parts.transfers().apply(resolvers()));
        this.linkProbe = once(parts.linkProbe());
        this.doi = once(parts.doi());
        this.freeSpace = parts.freeSpace();
        this.http = once(parts.http());
        this.clock = clock;
    }

    /** A supplier that makes its value on the first call only. */
    public static <T> Supplier<T> once(Supplier<T> maker) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = maker.get();
                }
                return value;
            }
        };
    }

    public Path root() {
        return root;
    }

    public Catalog catalog() {
        return catalog.get();
    }

    public Resolvers resolvers() {
        return resolvers.get();
    }

    public MirrorSources mirrors() {
        return mirrors.get();
    }

    public DatasetNotes notes() {
        return notes.get();
    }

    public LinkProbe linkProbe() {
        return linkProbe.get();
    }

    public DoiMetadata doi() {
        return doi.get();
    }

    /** medfetch's HTTP client for whole small files (a .torrent checked at add). */
    public HttpRanges http() {
        return http.get();
    }

    public FreeSpace freeSpace() {
        return freeSpace;
    }

    public Clock clock() {
        return clock;
    }

    /** The folder a dataset's files go to. */
    public Path datasetDir(String datasetId) {
        return root.resolve("downloads").resolve(datasetId);
    }

    /** The queue, opened on first use. */
    public synchronized Store store() {
        if (store == null) {
            store = Store.open(storeAddress(), clock);
        }
        return store;
    }

    /**
     * Whether anything was ever queued here: read-only commands never create the state database (a
     * workspace's SQLite file is made only when something is recorded; another store always exists).
     */
    public boolean hasQueue() {
        return store != null || !(storeAddress() instanceof StoreAddress.Sqlite sqlite)
                || java.nio.file.Files.exists(sqlite.file());
    }

    /** Where the queue is. */
    public StoreAddress storeAddress() {
        return storeAddress.get();
    }

    Path stateFile() {
        return stateFile(root);
    }

    /** The workspace's own SQLite database, where the queue is unless --store names another. */
    public static Path stateFile(Path root) {
        return root.resolve("downloads").resolve(".medfetch").resolve("state.db");
    }

    public Engine engine() {
        return new Engine(store(), root, transfers.get(), clock);
    }

    /** The dataset a user named, or a usage error listing the closest candidates. */
    public CatalogEntry dataset(String query) {
        Lookup found = catalog().lookup(query);
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
        if (!hasQueue()) {
            throw new UsageException("nothing is queued in " + root + " yet; add it first: medfetch add " + query.strip());
        }
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
