package org.medfetch.workflow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.medfetch.extract.ExtractLimits;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.Instructions;

/**
 * The JSON that jobs keep for instructions and dataset info, written and read in one place. Writing uses
 * Jackson's streaming generator (every add writes), reading a mapper made on first use.
 */
final class JobJson {

    private JobJson() {
    }

    private static final class Reader {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    static String instructions(Instructions instructions) {
        if (instructions == null) {
            return null;
        }
        return write(g -> {
            g.writeStringField("summary", instructions.summary());
            g.writeArrayFieldStart("steps");
            for (String step : instructions.steps()) {
                g.writeString(step);
            }
            g.writeEndArray();
        });
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Fields fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
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

    /** What add stores with a job that is to be unpacked: the choices, not the limits (those are the run's). */
    static String extract(ExtractRequest request) {
        return write(g -> {
            g.writeBooleanField("remove_archive", request.removeArchive());
            g.writeBooleanField("hash", request.hash());
        });
    }

    static ExtractRequest extract(String json, ExtractLimits limits) {
        JsonNode n = read(json);
        return new ExtractRequest(n.path("remove_archive").asBoolean(false), n.path("hash").asBoolean(false), limits);
    }

    static String info(DatasetInfo info) {
        if (info == null || info.equals(DatasetInfo.NONE)) {
            return null;
        }
        return write(g -> {
            g.writeStringField("title", info.title());
            g.writeStringField("doi", info.doi());
            g.writeStringField("license", info.license());
            g.writeStringField("citation", info.citation());
            g.writeStringField("landing_page", info.landingPage());
            g.writeArrayFieldStart("authors");
            for (String author : info.authors()) {
                g.writeString(author);
            }
            g.writeEndArray();
            g.writeStringField("year", info.year());
            g.writeStringField("version", info.version());
            g.writeStringField("publisher", info.publisher());
        });
    }

    static DatasetInfo info(String json) {
        if (json == null) {
            return DatasetInfo.NONE;
        }
        JsonNode n = read(json);
        List<String> authors = new ArrayList<>();
        n.path("authors").forEach(a -> authors.add(a.asText()));
        return new DatasetInfo(text(n, "title"), text(n, "doi"), text(n, "license"), text(n, "citation"),
                text(n, "landing_page"), authors, text(n, "year"), text(n, "version"), text(n, "publisher"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode read(String json) {
        try {
            return Reader.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored job JSON is unreadable: " + e.getMessage(), e);
        }
    }
}
