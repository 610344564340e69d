package org.medfetch.manifest;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text with one value per line, two-space indent, {@code "key": value}, empty containers as
 * {@code []} and {@code {}}, and '\n' line ends on every platform. Jackson's default pretty printer puts
 * arrays of scalars on one line and writes {@code "key" : value}, which diffs worse.
 */
final class PrettyJson {

    private PrettyJson() {
    }

    static String print(JsonNode node) {
        StringBuilder out = new StringBuilder();
        value(out, node, 0);
        return out.append('\n').toString();
    }

    private static void value(StringBuilder out, JsonNode node, int depth) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                indent(out, depth + 1);
                quoted(out, field.getKey());
                out.append(": ");
                value(out, field.getValue(), depth + 1);
                out.append(fields.hasNext() ? "," : "");
            }
            indent(out, depth);
            out.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                indent(out, depth + 1);
                value(out, node.get(i), depth + 1);
                out.append(i + 1 < node.size() ? "," : "");
            }
            indent(out, depth);
            out.append(']');
        } else if (node.isTextual()) {
            quoted(out, node.textValue());
        } else {
            out.append(node.toString());
        }
    }

    private static void indent(StringBuilder out, int depth) {
        out.append('\n').append("  ".repeat(depth));
    }

    private static void quoted(StringBuilder out, String text) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    }
}
