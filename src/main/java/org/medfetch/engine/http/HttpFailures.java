package org.medfetch.engine.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Response;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;

/**
 * Turns what went wrong on the wire into a {@link TransferException} the engine can act on: retry
 * later, or give up until a person acts. Messages name the URL without its query (signed URLs carry
 * their secret there), and never headers.
 */
final class HttpFailures {

    /** Names of files that are never HTML: a text/html answer for them is an error page. */
    private static final Set<String> BINARY_EXTENSIONS = Set.of("zip", "tar", "gz", "tgz", "bz2", "xz", "zst", "7z",
            "rar", "npz", "npy", "nii", "nrrd", "mha", "mhd", "dcm", "h5", "hdf5", "mat", "pkl", "pt", "pth", "tif",
            "tiff", "png", "jpg", "jpeg", "torrent", "iso", "bin", "parquet");

    private HttpFailures() {
    }

    /** The URL as it may be shown and stored: no user info, query or fragment. */
    static String display(HttpUrl url) {
        return url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
    }

    /** A status other than 200 and 206, classified. */
    static TransferException status(Response response, Instant now) {
        int code = response.code();
        String url = display(response.request().url());
        if (code == 408 || code == 429 || code >= 500) {
            Duration after = retryAfter(response.header("Retry-After"), now);
            return new TransferException(Kind.HTTP_STATUS, true, "server busy or failing (" + code + "): " + url
                    + (after == null ? "" : "; it asks to retry after " + after.toSeconds() + " s"), after, null);
        }
        if (code == 404 || code == 410) {
            return new TransferException(Kind.HTTP_STATUS, false, "not found (" + code + "): " + url);
        }
        if (code == 401 || code == 403) {
            return new TransferException(Kind.AUTH, false, "access denied (" + code + "): " + url
                    + " (credentials missing, wrong or expired)");
        }
        return new TransferException(Kind.HTTP_STATUS, false, "unexpected answer (" + code + "): " + url);
    }

    /** A failure of the connection itself: always worth another try. */
    static TransferException network(IOException e, HttpUrl url) {
        String why = e instanceof UnknownHostException ? "unknown host"
                : e instanceof ConnectException ? "connection refused"
                : e instanceof InterruptedIOException ? "timed out"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + withoutQuery(e.getMessage()));
        return new TransferException(Kind.NETWORK, true, "network error (" + why + "): " + display(url), null, e);
    }

    /**
     * The wait a Retry-After header asks for: delta-seconds or an HTTP-date (RFC 9110 section 10.2.3);
     * null when absent or unreadable.
     */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException tooLarge) {
                return null;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * An answer whose framing cannot be trusted, or null: a Content-Length that is not one non-negative
     * decimal number (RFC 9110 section 8.6), e.g. {@code -5}, or several that differ. Its body would be read
     * with a wrong length, so it is refused before a byte of it is read.
     */
    static TransferException malformed(Response response) {
        java.util.List<String> lengths = response.headers("Content-Length");
        boolean valid = lengths.stream().allMatch(v -> v.strip().matches("\\d{1,18}"))
                && lengths.stream().map(v -> Long.parseLong(v.strip())).distinct().count() <= 1;
        if (valid) {
            return null;
        }
        return new TransferException(Kind.BAD_INPUT, false, "the server sent an invalid Content-Length ("
                + printable(String.join(", ", lengths)) + ") for " + display(response.request().url())
                + "; its answer cannot be read safely");
    }

    /** A header value as it may be shown: at most 40 printable ASCII characters. */
    private static String printable(String value) {
        String clean = value.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 40) + "...";
    }

    /** An HTML page where a file with a binary extension was expected, or null when the answer is plausible. */
    static TransferException htmlInsteadOf(Response response, String fileName) {
        String type = response.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/html") || !binaryName(fileName)) {
            return null;
        }
        return new TransferException(Kind.HTML_PAGE, false, "the server sent a web page instead of " + fileName
                + " (" + display(response.request().url()) + "): the link may need a login, a licence click-through, "
                + "or it has moved");
    }

    static boolean binaryName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && BINARY_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String withoutQuery(String message) {
        return message.replaceAll("\\?\\S*", "");
    }
}
