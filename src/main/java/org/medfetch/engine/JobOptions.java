package org.medfetch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.medfetch.resolve.TorrentOptions;

/**
 * Per-job options chosen when a dataset is added, stored as JSON in the job so every later run uses
 * them: the file selection and, for torrents, peers, trackers and seeding.
 *
 * @param files glob of the files to fetch, or null for all
 */
public record JobOptions(String files, TorrentOptions torrent) {

    public static final JobOptions DEFAULTS = new JobOptions(null, TorrentOptions.DEFAULTS);

    /** Written with Jackson's streaming generator: every add writes this, and a full mapper is slow to build. */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("files", files);
            g.writeObjectFieldStart("torrent");
            strings(g, "trackers", torrent.trackers());
            strings(g, "peers", torrent.peers());
            strings(g, "web_seeds", torrent.webSeeds());
            if (torrent.port() == null) {
                g.writeNullField("port");
            } else {
                g.writeNumberField("port", torrent.port());
            }
            g.writeBooleanField("encryption", torrent.encryption());
            if (torrent.seedRatio() == null) {
                g.writeNullField("seed_ratio");
            } else {
                g.writeNumberField("seed_ratio", torrent.seedRatio());
            }
            if (torrent.seedTime() == null) {
                g.writeNullField("seed_time_seconds");
            } else {
                g.writeNumberField("seed_time_seconds", torrent.seedTime().toSeconds());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws java.io.IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** The mapper for reading, made on first use (runs read options only for torrents). */
    private static final class Reader {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /** Reads what {@link #toJson()} wrote; null or blank text gives the defaults. */
    public static JobOptions fromJson(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULTS;
        }
        try {
            JsonNode root = Reader.JSON.readTree(text);
            JsonNode t = root.path("torrent");
            TorrentOptions torrent = new TorrentOptions(textOrNull(root.get("files")), strings(t.get("trackers")),
                    strings(t.get("peers")), t.hasNonNull("port") ? t.get("port").asInt() : null,
                    t.path("encryption").asBoolean(false),
                    t.hasNonNull("seed_ratio") ? t.get("seed_ratio").asDouble() : null,
                    t.hasNonNull("seed_time_seconds") ? Duration.ofSeconds(t.get("seed_time_seconds").asLong()) : null,
                    strings(t.get("web_seeds")));
            return new JobOptions(textOrNull(root.get("files")), torrent);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("job options are not the JSON medfetch writes: " + e.getMessage(), e);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
