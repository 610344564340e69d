package org.medfetch.store.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL's password file, read as libpq reads it: PGPASSFILE or ~/.pgpass, lines of
 * {@code host:port:database:user:password} where {@code *} matches anything and a backslash escapes
 * {@code :} and itself; the first matching line wins. Like libpq, a file that others may read is ignored.
 * Reference: https://www.postgresql.org/docs/current/libpq-pgpass.html
 */
public final class PgPass {

    private PgPass() {
    }

    public static Optional<String> find(Map<String, String> env, Path home, String host, int port, String database,
                                        String user) {
        String named = env.get("PGPASSFILE");
        Path file = named != null && !named.isBlank() ? Path.of(named) : home == null ? null : home.resolve(".pgpass");
        if (file == null || !Files.isRegularFile(file) || readableByOthers(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        String[] wanted = {host, Integer.toString(port), database, user};
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() == 5 && matches(fields, wanted)) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(List<String> fields, String[] wanted) {
        for (int i = 0; i < wanted.length; i++) {
            if (!fields.get(i).equals("*") && !fields.get(i).equals(wanted[i])) {
                return false;
            }
        }
        return true;
    }

    /** The line's fields, unescaped; a password may contain further colons only escaped. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    private static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
