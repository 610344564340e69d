package org.medfetch.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON object of a manifest with where it sits ({@code datasets[2].files[0]}), so that every problem
 * names the exact spot a person has to fix.
 */
final class ManifestNode {

    private final JsonNode node;
    private final String where;

    private ManifestNode(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    static ManifestNode root(JsonNode node) throws ManifestException {
        if (!node.isObject()) {
            throw new ManifestException("the manifest is not a JSON object");
        }
        return new ManifestNode(node, "");
    }

    String where() {
        return where;
    }

    /** Every key must be one medfetch writes: a misspelt key would otherwise be ignored silently. */
    ManifestNode keys(Set<String> allowed) throws ManifestException {
        for (var field : node.properties()) {
            String key = field.getKey();
            if (!allowed.contains(key)) {
                throw problem(key, "unknown key (expected one of " + String.join(", ", allowed.stream().sorted().toList())
                        + ")");
            }
        }
        for (String key : allowed) {
            if (!node.has(key)) {
                throw problem(key, "missing");
            }
        }
        return this;
    }

    /** A string, or null where {@code nullable}; blank strings are refused. */
    String text(String key, boolean nullable) throws ManifestException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (nullable) {
                return null;
            }
            throw problem(key, "must not be null");
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw problem(key, "must be a non-empty string, not " + value);
        }
        return value.textValue();
    }

    /** A string matching a pattern, described by {@code what} in the error. */
    String text(String key, boolean nullable, Pattern pattern, String what) throws ManifestException {
        String value = text(key, nullable);
        if (value != null && !pattern.matcher(value).matches()) {
            throw problem(key, "'" + value + "' is not " + what);
        }
        return value;
    }

    Long count(String key) throws ManifestException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < 0) {
            throw problem(key, "must be a whole number of bytes, not " + value);
        }
        return value.asLong();
    }

    int integer(String key) throws ManifestException {
        JsonNode value = node.get(key);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw problem(key, "must be a whole number, not " + value);
        }
        return value.asInt();
    }

    boolean isNull(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull();
    }

    boolean bool(String key) throws ManifestException {
        JsonNode value = node.get(key);
        if (value == null || !value.isBoolean()) {
            throw problem(key, "must be true or false, not " + value);
        }
        return value.booleanValue();
    }

    /** A nested object, or null where {@code nullable}. */
    ManifestNode object(String key, boolean nullable) throws ManifestException {
        JsonNode value = node.get(key);
        if (nullable && (value == null || value.isNull())) {
            return null;
        }
        if (value == null || !value.isObject()) {
            throw problem(key, "must be an object");
        }
        return new ManifestNode(value, path(key));
    }

    List<ManifestNode> objects(String key) throws ManifestException {
        JsonNode array = array(key);
        List<ManifestNode> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isObject()) {
                throw problem(key + "[" + i + "]", "must be an object");
            }
            out.add(new ManifestNode(array.get(i), path(key) + "[" + i + "]"));
        }
        return out;
    }

    List<String> strings(String key) throws ManifestException {
        JsonNode array = array(key);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw problem(key + "[" + i + "]", "must be a string");
            }
            out.add(array.get(i).textValue());
        }
        return out;
    }

    ManifestException problem(String key, String message) {
        return new ManifestException(path(key) + ": " + message);
    }

    private JsonNode array(String key) throws ManifestException {
        JsonNode value = node.get(key);
        if (value == null || !value.isArray()) {
            throw problem(key, "must be a list");
        }
        return value;
    }

    private String path(String key) {
        return where.isEmpty() ? key : key.startsWith("[") ? where + key : where + "." + key;
    }
}
