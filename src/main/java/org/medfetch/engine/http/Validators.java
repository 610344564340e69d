package org.medfetch.engine.http;

import okhttp3.Response;

/**
 * What identifies one version of a remote file: its ETag and Last-Modified, as the server sent them.
 * Only a strong ETag may be used in {@code If-Range}; Last-Modified serves when the ETag is weak or
 * missing (RFC 9110 sections 8.8.1 and 13.1.5).
 */
record Validators(String etag, String lastModified) {

    static final Validators NONE = new Validators(null, null);

    static Validators of(Response response) {
        return new Validators(blankToNull(response.header("ETag")), blankToNull(response.header("Last-Modified")));
    }

    /**
     * Whether a range request can be tied to this version: the server is asked to send the range only if
     * the file is still this one (If-Range), else the whole file. Without that (no validator, or only a weak
     * ETag), bytes fetched by a later request may come from another version of the file.
     */
    boolean tiesRanges() {
        return ifRange() != null;
    }

    boolean strongEtag() {
        return etag != null && !etag.startsWith("W/");
    }

    /** The value for If-Range, or null when there is nothing the server could compare. */
    String ifRange() {
        return strongEtag() ? etag : lastModified;
    }

    /**
     * True when {@code answer} shows another version of the file: a validator both sides have differs.
     * A validator the answer leaves out proves nothing either way.
     */
    boolean changedIn(Validators answer) {
        return differs(etag, answer.etag) || differs(lastModified, answer.lastModified);
    }

    private static boolean differs(String known, String now) {
        return known != null && now != null && !known.equals(now);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
