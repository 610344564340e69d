package org.medfetch.workflow;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.web.LinkProbe;
import org.medfetch.resolve.MagnetLink;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.mirrors.Mirror;
import org.medfetch.resolve.mirrors.MirrorSources;

/**
 * The check use case: probes catalog links and mirror links, politely (a few requests per host at a
 * time, Retry-After honoured by the probe), and says per link: alive, moved, dead or needs login.
 */
public final class CheckLinks {

    /** Requests in flight to one host at most; the whole check runs a few hosts in parallel. */
    private static final int PER_HOST = 2;
    private static final int THREADS = 8;

    /** @param origin "catalog" or the mirror's use (primary, alternative, ...) */
    public record Checked(String dataset, String origin, String link, String verdict, int status, String detail) {
    }

    private final Workspace workspace;
    private final LinkProbe probe;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    public CheckLinks(Workspace workspace, LinkProbe probe) {
        this.workspace = workspace;
        this.probe = probe;
    }

    public List<Checked> check(List<CatalogEntry> entries) {
        List<Task> tasks = new ArrayList<>();
        for (CatalogEntry e : entries) {
            tasks.add(new Task(e.id(), "catalog", e.link()));
            for (MirrorSources.Candidate c : workspace.mirrors().candidates(e)) {
                Mirror first = c.rows().get(0);
                tasks.add(new Task(e.id(), "mirror " + c.use().label(), first.kind().equals("torrent")
                        ? first.filename() : c.link().replaceAll("\\{(\\d+)\\.\\.\\d+}", "$1")));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Checked>> futures = new ArrayList<>();
            for (Task t : tasks) {
                futures.add(pool.submit(() -> run(t)));
            }
            List<Checked> out = new ArrayList<>();
            for (Future<Checked> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("link check interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("link check failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private record Task(String dataset, String origin, String link) {
    }

    private Checked run(Task t) throws InterruptedException {
        if (t.link() == null) {
            return new Checked(t.dataset(), t.origin(), null, "no-link", 0, "the catalog gives no link");
        }
        if (MagnetLink.isMagnet(t.link())) {
            return new Checked(t.dataset(), t.origin(), t.link(), "skipped", 0, "a magnet link has no server to ask");
        }
        URI uri = Resolvers.parse(t.link()).orElse(null);
        if (uri == null || Resolvers.host(uri).isEmpty()) {
            return new Checked(t.dataset(), t.origin(), t.link(), "dead", 0, "not a valid URL");
        }
        Semaphore gate = hosts.computeIfAbsent(Resolvers.host(uri), h -> new Semaphore(PER_HOST));
        gate.acquire();
        try {
            LinkProbe.Result r = probe.probe(uri);
            return new Checked(t.dataset(), t.origin(), t.link(), r.verdict().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-'), r.status(), r.detail());
        } finally {
            gate.release();
        }
    }
}
