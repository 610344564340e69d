package org.medfetch.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The published JSON Schema of the manifest format, for tests to hold what medfetch writes against it. */
public final class ManifestSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private ManifestSchema() {
    }

    /** What the schema finds wrong with a manifest's text (empty when it is valid). */
    public static List<String> problems(String manifestJson) {
        try {
            return SCHEMA.validate(JSON.readTree(manifestJson)).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    public static void assertValid(String manifestJson) {
        assertEquals(List.of(), problems(manifestJson), "the manifest must follow manifest.schema.json:\n" + manifestJson);
    }

    private static JsonSchema load() {
        try (InputStream in = ManifestSchema.class.getResourceAsStream("/org/medfetch/manifest/manifest.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("manifest.schema.json is missing from the resources");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
