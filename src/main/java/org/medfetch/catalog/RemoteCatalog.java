package org.medfetch.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A catalog given by URL, kept in the user's cache folder with its ETag. Every use asks the server
 * whether the copy is still current; when the server cannot be reached, the copy is used and a one-line
 * note says so.
 */
public final class RemoteCatalog {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final CatalogHttp http;
    private final Path cache;
    private final Consumer<String> notes;
    private final CatalogLoader loader = new CatalogLoader();

    /**
     * @param cache folder for copies (e.g. ~/.cache/medfetch/catalogs), made when first needed
     * @param notes receives one line when a cached copy stands in for the catalog
     */
    public RemoteCatalog(CatalogHttp http, Path cache, Consumer<String> notes) {
        this.http = http;
        this.cache = cache;
        this.notes = notes;
    }

    /** True for what {@code --catalog} should fetch rather than open: http and https URLs. */
    public static boolean isUrl(String catalog) {
        String c = catalog.strip().toLowerCase(Locale.ROOT);
        return c.startsWith("http://") || c.startsWith("https://");
    }

    public Catalog load(String url) throws CatalogException {
        URI uri = uri(url);
        String key = CatalogText.sha256(url.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        Path body = cache.resolve(key);
        Path etag = cache.resolve(key + ".etag");
        byte[] cached = read(body);
        String validator = cached == null ? null : readText(etag);
        CatalogHttp.Answer answer;
        try {
            answer = http.get(uri, validator);
        } catch (IOException e) {
            return fallback(url, cached, body, "cannot be fetched (" + reason(e) + ")");
        }
        if (answer instanceof CatalogHttp.Body fresh) {
            Catalog catalog = loader.bytes(url, fresh.bytes());
            store(body, etag, fresh);
            return catalog;
        }
        if (answer instanceof CatalogHttp.NotModified && cached != null) {
            return loader.bytes(url, cached);
        }
        int status = answer instanceof CatalogHttp.Refused r ? r.status() : 304;
        return fallback(url, cached, body, "answered HTTP " + status);
    }

    private Catalog fallback(String url, byte[] cached, Path body, String problem) throws CatalogException {
        if (cached == null) {
            throw new CatalogException("catalog " + url + " " + problem + " and no copy of it is cached");
        }
        notes.accept("catalog " + url + " " + problem + "; using the copy cached " + when(body));
        return loader.bytes(url, cached);
    }

    private void store(Path body, Path etag, CatalogHttp.Body fresh) {
        try {
            Files.createDirectories(cache);
            Path partial = Files.createTempFile(cache, "catalog", ".part");
            Files.write(partial, fresh.bytes());
            Files.move(partial, body, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (fresh.etag() == null) {
                Files.deleteIfExists(etag);
            } else {
                Files.writeString(etag, fresh.etag(), StandardCharsets.UTF_8);
            }
        } catch (IOException | UnsupportedOperationException e) {
            notes.accept("the catalog could not be cached in " + cache + " (" + reason(e) + "); it is read all the same");
        }
    }

    private static URI uri(String url) throws CatalogException {
        try {
            URI uri = new URI(url.strip());
            if (uri.getHost() == null) {
                throw new CatalogException("catalog " + url + " is not a URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CatalogException("catalog " + url + " is not a valid URL: " + e.getReason());
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String readText(Path file) {
        byte[] bytes = read(file);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8).strip();
    }

    private static String when(Path body) {
        try {
            Instant modified = Files.getLastModifiedTime(body).toInstant();
            return "on " + DAY.format(modified);
        } catch (IOException e) {
            return "earlier";
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
