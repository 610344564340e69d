package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * DSpace's two REST APIs as medfetch reads them. DSpace 7 and later ({@code /server/api}) answer HAL:
 * lists under {@code _embedded.<name>} with a {@code page} object; DSpace 5 and 6 ({@code /rest}) answer
 * an item with its {@code bitstreams} expanded. Read from trees, since the HAL envelope and the two
 * generations differ in small ways.
 *
 * <p>Fields: DSpace/RestContract items.md, bundles.md, bitstreams.md, identifiers.md ({@code /api/pid/find});
 * DSpace 6 REST: https://wiki.lyrasis.org/display/DSDOC6x/REST+API (Item, Bitstream).
 */
final class DSpaceApi {

    private DSpaceApi() {
    }

    /** One file: its id (a UUID, or DSpace 5's number), name, size and checksum, and its bundle when said. */
    record Bitstream(String id, String name, Long size, String algorithm, String checksum, String bundle) {

        static Bitstream of(JsonNode node) {
            String id = text(node, "uuid") != null ? text(node, "uuid") : text(node, "id");
            JsonNode sum = node.path("checkSum");
            return new Bitstream(id, text(node, "name"), node.path("sizeBytes").canConvertToLong()
                    ? node.path("sizeBytes").asLong() : null, text(sum, "checkSumAlgorithm"), text(sum, "value"),
                    text(node, "bundleName"));
        }
    }

    /** The objects of a HAL list ({@code _embedded.<name>}), or of a plain {@code <name>} array. */
    static List<JsonNode> embedded(JsonNode answer, String name) {
        JsonNode list = answer.path("_embedded").path(name);
        if (!list.isArray()) {
            list = answer.path(name);
        }
        List<JsonNode> all = new ArrayList<>();
        list.forEach(all::add);
        return all;
    }

    /** Whether a HAL page is the last one ({@code page.number + 1 >= page.totalPages}, or no page object). */
    static boolean lastPage(JsonNode answer) {
        JsonNode page = answer.path("page");
        return !page.has("totalPages") || page.path("number").asInt(0) + 1 >= page.path("totalPages").asInt(0);
    }

    /** The first value of a metadata field ({@code metadata["dc.title"][0].value}), or null. */
    static String metadata(JsonNode item, String field) {
        JsonNode values = item.path("metadata").path(field);
        return values.isArray() && !values.isEmpty() ? text(values.get(0), "value") : null;
    }

    static List<String> metadataAll(JsonNode item, String field) {
        List<String> all = new ArrayList<>();
        item.path("metadata").path(field).forEach(v -> {
            if (text(v, "value") != null) {
                all.add(text(v, "value"));
            }
        });
        return all;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }
}
