package org.medfetch.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medfetch.store.postgres.PgPass;

/** Where the queue lives: the workspace's SQLite file, or a PostgreSQL database shared by many machines. */
public sealed interface StoreAddress {

    /** The SQLite database of one workspace. */
    record Sqlite(Path file) implements StoreAddress {
    }

    /**
     * A PostgreSQL database. The password never comes from the URL (it would show in process lists and
     * shell history): it is read from PGPASSWORD or the password file, as libpq does.
     *
     * @param parameters the URL's query parameters, given to the JDBC driver as they are (sslmode, sslrootcert...)
     * @param password   null when neither PGPASSWORD nor the password file has one for this server
     */
    record Postgres(String host, int port, String database, String user, Map<String, String> parameters,
                    String password) implements StoreAddress {

        public Postgres {
            parameters = Map.copyOf(parameters);
        }

        /** The URL as the user would write it, without any secret. */
        @Override
        public String toString() {
            return "postgresql://" + user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/"
                    + database;
        }
    }

    /**
     * The store {@code text} names (--store, MEDFETCH_STORE): absent or {@code sqlite} for {@code sqliteFile},
     * or {@code postgresql://user@host:port/database?sslmode=...}.
     *
     * @param env  PGUSER, PGPASSWORD, PGPASSFILE
     * @param home where {@code .pgpass} is looked for
     * @throws IllegalArgumentException for anything else, and for a URL that carries a password
     */
    static StoreAddress parse(String text, Path sqliteFile, Map<String, String> env, Path home) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("sqlite")) {
            return new Sqlite(sqliteFile);
        }
        String url = text.strip();
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            throw new IllegalArgumentException("store '" + url + "' is neither 'sqlite' nor a "
                    + "postgresql://user@host:port/database URL");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("store URL is malformed: " + e.getReason());
        }
        Map<String, String> parameters = query(uri.getRawQuery());
        String userInfo = uri.getRawUserInfo();
        if ((userInfo != null && userInfo.contains(":")) || parameters.containsKey("password")) {
            throw new IllegalArgumentException("the store URL carries a password, which would show in process lists "
                    + "and shell history: leave it out and set PGPASSWORD or put it in ~/.pgpass");
        }
        String user = userInfo != null ? decode(userInfo) : parameters.containsKey("user") ? parameters.get("user")
                : env.getOrDefault("PGUSER", System.getProperty("user.name"));
        parameters.remove("user");
        String host = uri.getHost() == null ? "localhost" : uri.getHost().replaceAll("^\\[|\\]$", "");
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? user : decode(path);
        if (uri.getHost() == null && uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty()) {
            throw new IllegalArgumentException("store URL " + url + " has no valid host");
        }
        String password = env.get("PGPASSWORD");
        if (password == null) {
            password = PgPass.find(env, home, host, port, database, user).orElse(null);
        }
        return new Postgres(host, port, database, user, parameters, password);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
