package org.medfetch.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.Instructions;

/** The JSON that jobs keep for instructions and dataset info, written and read in one place. */
final class JobJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JobJson() {
    }

    static String instructions(Instructions instructions) {
        if (instructions == null) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("summary", instructions.summary());
        node.putPOJO("steps", instructions.steps());
        return node.toString();
    }

    static Instructions instructions(String json) {
        if (json == null) {
            return null;
        }
        JsonNode node = read(json);
        List<String> steps = new ArrayList<>();
        node.path("steps").forEach(s -> steps.add(s.asText()));
        return new Instructions(node.path("summary").asText(), steps);
    }

    static String info(DatasetInfo info) {
        if (info == null || info.equals(DatasetInfo.NONE)) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("title", info.title());
        node.put("doi", info.doi());
        node.put("license", info.license());
        node.put("citation", info.citation());
        node.put("landing_page", info.landingPage());
        return node.toString();
    }

    static DatasetInfo info(String json) {
        if (json == null) {
            return DatasetInfo.NONE;
        }
        JsonNode n = read(json);
        return new DatasetInfo(text(n, "title"), text(n, "doi"), text(n, "license"), text(n, "citation"),
                text(n, "landing_page"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored job JSON is unreadable: " + e.getMessage(), e);
        }
    }
}
