package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

class HyperAiResolverTest extends ResolverContract {

    static final String QIN = "https://hyper.ai/cn/datasets/5666";

    @Override
    protected FakeHost fake() {
        return new HyperAiFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new HyperAiResolver(context);
    }

    @Override
    protected List<String> ownLinks() {
        return List.of(QIN, "https://orion.hyper.ai/tracker/magnet?torrent=17600");
    }

    @Override
    protected String resolvableLink() {
        return QIN;
    }

    @Override
    protected boolean readsJson() {
        return false;
    }

    @Test
    void pageLeadsToItsTorrentOnTheTracker() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(QIN));
        Source.TorrentSource torrent = (Source.TorrentSource) fetch.sources().get(0);
        assertEquals(1, fetch.sources().size(), "the download and magnet links name the same torrent");
        assertEquals(fake.base() + "tracker/download?torrent=21960", torrent.uri());
        assertNull(torrent.path());
    }

    @Test
    void severalTorrentsGetTheirOwnFolders() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("https://hyper.ai/cn/datasets/2"));
        assertEquals(List.of("torrent-100", "torrent-101"), fetch.sources().stream().map(Source::path).toList());
    }

    @Test
    void pageWithoutTrackerLinksIsManual() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class, resolve("https://hyper.ai/cn/datasets/3"));
        assertTrue(manual.instructions().render().contains("下载 / BT"), manual.instructions().render());
    }

    @Test
    void trackerLinkNeedsNoRequest() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://orion.hyper.ai/tracker/magnet?torrent=17600"));
        assertEquals(fake.base() + "tracker/download?torrent=17600", ((Source.TorrentSource) fetch.sources().get(0)).uri());
        assertTrue(fake.requests.isEmpty());
    }
}
