package org.medfetch.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a torrent's bytes came from, summed over its attempts, as recorded with it for status and the
 * manifest: peers (how many were connected at the last record) and each web seed.
 *
 * @param peers     peers connected at the last record
 * @param peerBytes bytes of verified pieces that came from peers
 * @param webSeeds  every web seed the torrent names, in its order
 */
public record TorrentSources(int peers, long peerBytes, List<WebSeed> webSeeds) {

    public static final TorrentSources NONE = new TorrentSources(0, 0, List.of());

    /**
     * @param url     the seed's URL without its query (as it may be shown)
     * @param bytes   bytes of verified pieces it sent
     * @param dropped why medfetch stopped using it in the last attempt, or null while it is usable
     */
    public record WebSeed(String url, long bytes, String dropped) {
    }

    public TorrentSources {
        webSeeds = List.copyOf(webSeeds);
    }

    /** Web seeds not dropped. */
    public long webSeedsInUse() {
        return webSeeds.stream().filter(w -> w.dropped() == null).count();
    }

    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("peers", peers);
            g.writeNumberField("peer_bytes", peerBytes);
            g.writeArrayFieldStart("web_seeds");
            for (WebSeed w : webSeeds) {
                g.writeStartObject();
                g.writeStringField("url", w.url());
                g.writeNumberField("bytes", w.bytes());
                g.writeStringField("dropped", w.dropped());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }

    /** The mapper for reading, made on first use. */
    private static final class Reader {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /** Reads what {@link #toJson()} wrote; null or unreadable text gives {@link #NONE}. */
    public static TorrentSources fromJson(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        try {
            JsonNode root = Reader.JSON.readTree(text);
            List<WebSeed> seeds = new ArrayList<>();
            root.path("web_seeds").forEach(w -> seeds.add(new WebSeed(w.path("url").asText(), w.path("bytes").asLong(),
                    w.hasNonNull("dropped") ? w.get("dropped").asText() : null)));
            return new TorrentSources(root.path("peers").asInt(), root.path("peer_bytes").asLong(), seeds);
        } catch (IOException e) {
            return NONE; // only a summary for display: a damaged one starts again from nothing
        }
    }
}
