package org.medfetch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("files", files);
        ObjectNode t = root.putObject("torrent");
        t.putPOJO("trackers", torrent.trackers());
        t.putPOJO("peers", torrent.peers());
        t.put("port", torrent.port());
        t.put("encryption", torrent.encryption());
        t.put("seed_ratio", torrent.seedRatio());
        t.put("seed_time_seconds", torrent.seedTime() == null ? null : torrent.seedTime().toSeconds());
        return root.toString();
    }

    /** Reads what {@link #toJson()} wrote; null or blank text gives the defaults. */
    public static JobOptions fromJson(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULTS;
        }
        try {
            JsonNode root = JSON.readTree(text);
            JsonNode t = root.path("torrent");
            TorrentOptions torrent = new TorrentOptions(textOrNull(root.get("files")), strings(t.get("trackers")),
                    strings(t.get("peers")), t.hasNonNull("port") ? t.get("port").asInt() : null,
                    t.path("encryption").asBoolean(false),
                    t.hasNonNull("seed_ratio") ? t.get("seed_ratio").asDouble() : null,
                    t.hasNonNull("seed_time_seconds") ? Duration.ofSeconds(t.get("seed_time_seconds").asLong()) : null);
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
