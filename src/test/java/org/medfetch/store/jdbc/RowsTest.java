package org.medfetch.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class RowsTest {

    @Test
    void instantsAreReadAsInstantParseReadsThem() {
        for (String text : new String[] {"2026-01-01T00:00:00Z", "2026-11-28T06:55:22.123Z",
            "1999-12-31T23:59:59.123456Z", "2030-02-28T12:34:56.123456789Z", "1970-01-01T00:00:00.5Z",
            "+10000-01-01T00:00:00Z"}) {
            assertEquals(Instant.parse(text), Rows.instant(text), text);
        }
        Instant now = Instant.now();
        assertEquals(now, Rows.instant(now.toString()));
        assertThrows(DateTimeParseException.class, () -> Rows.instant("2026-02-30T00:00:00Z"));
        assertThrows(DateTimeParseException.class, () -> Rows.instant("yesterday"));
        assertThrows(DateTimeParseException.class, () -> Rows.instant("2026-01-01T00:00Z"));
    }
}
