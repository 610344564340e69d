package org.medfetch.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** CSL-JSON checked against the official schema kept in src/test/resources/csl (see its README). */
public final class CslSchema {

    private CslSchema() {
    }

    public static void assertValid(String csl) {
        try (InputStream schema = CslSchema.class.getResourceAsStream("/csl/csl-data.json")) {
            List<ValidationMessage> problems = new ArrayList<>(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                    .getSchema(schema).validate(new ObjectMapper().readTree(csl)));
            assertEquals(List.of(), problems, csl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
