package org.medfetch.engine.torrent;

import bt.bencoding.model.BEObject;
import bt.bencoding.serializers.BEParser;
import bt.bencoding.types.BEList;
import bt.bencoding.types.BEMap;
import bt.bencoding.types.BEString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.medfetch.resolve.MagnetLink;

/**
 * A .torrent's web seeds: its {@code url-list} (BEP 19), one URL or a list of them, which bt 1.10 does not
 * read. Only http(s) URLs are kept; others (ftp) are skipped.
 */
final class UrlList {

    private UrlList() {
    }

    /** @param metainfo a whole .torrent, already checked by {@link MetainfoParser} */
    static List<String> of(byte[] metainfo) {
        BEObject<?> value;
        try (BEParser parser = new BEParser(metainfo)) {
            BEMap root = parser.readMap();
            value = root.getValue().get("url-list");
        } catch (RuntimeException e) {
            return List.of(); // parsed once already; a form bt reads but this cannot has no web seeds
        }
        List<String> urls = new ArrayList<>();
        if (value instanceof BEString one) {
            add(urls, one);
        } else if (value instanceof BEList list) {
            for (BEObject<?> item : list.getValue()) {
                if (item instanceof BEString s) {
                    add(urls, s);
                }
            }
        }
        return urls;
    }

    private static void add(List<String> urls, BEString value) {
        String url = new String(value.getValue(), StandardCharsets.UTF_8).strip();
        try {
            String checked = MagnetLink.webSeed(url);
            if (!urls.contains(checked)) {
                urls.add(checked);
            }
        } catch (IllegalArgumentException notHttp) {
            // ftp:// and the like: medfetch fetches web seeds over HTTP only
        }
    }
}
