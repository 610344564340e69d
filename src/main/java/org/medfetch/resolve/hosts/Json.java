package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON mapper of the host resolvers, made on first use: building a mapper is the costliest part
 * of Jackson, and commands that call no API should not pay for it. Hosts add fields freely, so unknown
 * ones are ignored.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }
}
