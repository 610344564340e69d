package org.medfetch.workflow;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.web.LinkProbe;

/**
 * Sizes of planned files the host did not give, asked of their servers before anything is downloaded
 * (add --dry-run, show): a HEAD (or a one-byte ranged GET) per file, at most {@link #PER_HOST} per host;
 * what is not answered by then, or needs credentials, stays unknown.
 */
public final class RemoteSizes {

    public static final Duration PER_HOST = Duration.ofSeconds(5);

    private final Workspace workspace;

    RemoteSizes(Workspace workspace) {
        this.workspace = workspace;
    }

    List<AddResult.PlannedFile> fill(List<AddResult.PlannedFile> files) {
        if (files.stream().noneMatch(RemoteSizes::askable)) {
            return files;
        }
        LinkProbe probe = workspace.linkProbe();
        Map<String, Long> deadlines = new LinkedHashMap<>();
        List<AddResult.PlannedFile> out = new ArrayList<>();
        for (AddResult.PlannedFile f : files) {
            if (!askable(f)) {
                out.add(f);
                continue;
            }
            URI url = URI.create(f.url());
            long deadline = deadlines.computeIfAbsent(Resolvers.host(url), h -> System.nanoTime() + PER_HOST.toNanos());
            if (System.nanoTime() > deadline) {
                out.add(f);
                continue;
            }
            long size = probe.probe(url).size();
            out.add(size >= 0 ? f.withSize(size) : f);
        }
        return out;
    }

    private static boolean askable(AddResult.PlannedFile f) {
        return f.size() == null && !f.torrent() && !f.credentials()
                && (f.url().startsWith("http://") || f.url().startsWith("https://"));
    }
}
