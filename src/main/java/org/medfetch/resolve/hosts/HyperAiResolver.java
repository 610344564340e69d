package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.LinkIssue;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * hyper.ai (超神经) datasets, published as torrents on its tracker: {@code orion.hyper.ai/tracker/
 * magnet?torrent=N} becomes the .torrent at {@code /tracker/download?torrent=N}. A dataset page
 * ({@code hyper.ai/cn/datasets/N}) has a different number; its torrent id is only on the page, so the
 * page is fetched and searched for tracker links (UNVERIFIED markup: when none is found, a person
 * copies the link). An endpoint replaces the tracker and the pages' scheme, host and port.
 *
 * <p>Reference: none official; see hosts.md (hyper.ai, orion.hyper.ai).
 */
public final class HyperAiResolver implements Resolver {

    public static final Host HOST = Host.named("hyper-ai", "torrent: the dataset page's torrent from the tracker")
            .api("https://orion.hyper.ai").domains("hyper.ai")
            .examples("https://hyper.ai/cn/datasets/5666", "https://orion.hyper.ai/tracker/magnet?torrent=17600");
    public static final String NAME = HOST.name();
    private static final Pattern TRACKER_LINK = Pattern.compile("tracker/(?:download|magnet)\\?torrent=(\\d+)");

    private final HostClient web;
    private final URI endpoint;
    private final URI tracker;

    /** An endpoint serves both the tracker and the pages; without one they are hyper.ai's own. */
    public HyperAiResolver(HostContext context) {
        this.web = context.client("hyper.ai", "The page may need a login: open it in a browser.");
        this.endpoint = context.endpoint(HOST);
        this.tracker = context.base(HOST);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "hyper.ai");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        if (isTrackerLink(link) && torrentId(link) == null) {
            String reason = "the tracker link " + link + " lost its torrent id (expected ?torrent=<number>)";
            return Classification.unavailable(NAME, reason, new LinkIssue(CatalogProblem.Kind.TRUNCATED_LINK, reason,
                    "search https://hyper.ai/cn/datasets for '" + entry.name() + "' and copy its full BT link"));
        }
        if (!isTrackerLink(link) && pageId(link) == null) {
            String reason = link + " is neither a hyper.ai dataset page nor a tracker link";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "link the dataset's hyper.ai page"));
        }
        return Classification.of(LinkClass.TORRENT, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        Classification verdict = classify(entry, link);
        if (verdict.linkClass() == LinkClass.UNAVAILABLE) {
            return new Resolution.Unavailable(verdict.reason());
        }
        if (isTrackerLink(link)) {
            return new Resolution.Fetch(List.of(new Source.TorrentSource(downloadUrl(torrentId(link)), null)));
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = TRACKER_LINK.matcher(web.page(LinkOrigin.page(link, endpoint)));
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            return new Resolution.Manual(pageInstructions(entry, link));
        }
        List<Source> torrents = new ArrayList<>();
        for (String id : ids) {
            // Several torrents on one page each get their own folder; a single one keeps the torrent's name.
            torrents.add(new Source.TorrentSource(downloadUrl(id), ids.size() == 1 ? null : "torrent-" + id));
        }
        return new Resolution.Fetch(torrents);
    }

    private String downloadUrl(String torrentId) {
        return tracker.toString().replaceAll("/+$", "") + "/tracker/download?torrent=" + torrentId;
    }

    private static Instructions pageInstructions(CatalogEntry entry, URI link) {
        return new Instructions("hyper.ai dataset page: its torrent number is only shown on the page.", List.of(
                "Open " + link + " and copy the link of its 下载 / BT button "
                        + "(https://orion.hyper.ai/tracker/download?torrent=<number>)",
                "Run: medfetch add \"<that link>\" --project <project>, or put the files in " + Steps.folder(entry),
                Steps.adopt(entry)));
    }

    private static boolean isTrackerLink(URI link) {
        return HostName.host(link).startsWith("orion.") || (link.getPath() != null && link.getPath().startsWith("/tracker"));
    }

    private static String torrentId(URI link) {
        String id = HostName.query(link, "torrent");
        return id != null && id.matches("\\d+") ? id : null;
    }

    private static String pageId(URI link) {
        List<String> s = HostName.segments(link);
        int i = s.indexOf("datasets");
        return i >= 0 && i + 1 < s.size() && s.get(i + 1).matches("\\d+") ? s.get(i + 1) : null;
    }
}
