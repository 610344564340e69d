package org.medfetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.medfetch.catalog.CatalogHttp;
import org.medfetch.catalog.CatalogLoader;

/**
 * Fetches catalogs given by URL with the run's shared HTTP client, so proxies and timeouts are those of
 * downloads. A GitHub page of a file ({@code github.com/owner/repo/blob/ref/path}) is fetched as the file
 * itself from raw.githubusercontent.com, since the page is HTML around the Markdown.
 */
final class HttpCatalogs implements CatalogHttp {

    private final OkHttpClient http;

    HttpCatalogs(OkHttpClient http) {
        this.http = http;
    }

    @Override
    public Answer get(URI url, String etag) throws IOException {
        Request.Builder request = new Request.Builder().url(rawFile(url).toString())
                .header("Accept", "text/markdown, text/plain, text/csv, */*;q=0.5");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            if (response.code() == 304) {
                return new NotModified();
            }
            if (!response.isSuccessful()) {
                return new Refused(response.code());
            }
            ResponseBody body = response.body();
            try (InputStream in = body.byteStream()) {
                return new Body(in.readNBytes((int) CatalogLoader.MAX_BYTES + 1), response.header("ETag"));
            }
        }
    }

    /** The raw file behind a GitHub blob page; any other URL as it is. */
    static URI rawFile(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        List<String> path = List.of(url.getRawPath() == null ? new String[0] : url.getRawPath().split("/"));
        if (!host.equals("github.com") && !host.equals("www.github.com") || path.size() < 6 || !path.get(3).equals("blob")) {
            return url;
        }
        String rest = String.join("/", path.subList(4, path.size()));
        return URI.create("https://raw.githubusercontent.com/" + path.get(1) + "/" + path.get(2) + "/" + rest);
    }
}
