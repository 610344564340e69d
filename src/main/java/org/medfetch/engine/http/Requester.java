package org.medfetch.engine.http;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Source.HttpSource;

/**
 * Sends the range requests of one download: asks the authorizer first when the source needs
 * credentials (a signed URL may have expired since the last request), and keeps every open call so a
 * stop can cancel them all at once.
 */
final class Requester {

    private final OkHttpClient client;
    private final Authorizer authorizer;
    private final HttpSource source;
    private final Set<Call> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    Requester(OkHttpClient client, Authorizer authorizer, HttpSource source) {
        this.client = client;
        this.authorizer = authorizer;
        this.source = source;
    }

    /**
     * GET with {@code Range: bytes=first-[last]} and, when given, {@code If-Range}. The status is the
     * caller's to judge.
     *
     * @param last last byte wanted (inclusive), or -1 for "to the end"
     */
    Reply get(long first, long last, String ifRange) throws TransferException {
        Authorizer.Authorized target = authorize();
        HttpUrl url = HttpUrl.parse(target.url().toString());
        if (url == null) {
            throw new TransferException(Kind.BAD_INPUT, false, "not an http(s) URL: " + source.url().getScheme()
                    + "://" + source.url().getHost() + source.url().getPath());
        }
        Request.Builder request = new Request.Builder().url(url)
                .header("Range", "bytes=" + first + "-" + (last < 0 ? "" : Long.toString(last)))
                // Compressed bodies would make byte offsets meaningless.
                .header("Accept-Encoding", "identity");
        if (ifRange != null) {
            request.header("If-Range", ifRange);
        }
        target.headers().forEach(request::header);
        SocketTag socket = new SocketTag();
        request.tag(SocketTag.class, socket);
        Call call = client.newCall(request.build());
        open.add(call);
        if (cancelled) {
            call.cancel();
        }
        Reply reply;
        try {
            reply = new Reply(call, call.execute(), socket, () -> open.remove(call));
        } catch (IOException e) {
            open.remove(call);
            throw HttpFailures.network(e, url);
        }
        TransferException malformed = HttpFailures.malformed(reply.response());
        if (malformed != null) {
            reply.cancel();
            try {
                reply.close();
            } catch (IllegalArgumentException negativeLength) {
                // okhttp would skip the rest of a body of negative length; the call is cancelled anyway.
            }
            throw malformed;
        }
        return reply;
    }

    /** Cancels every open call and any made later: blocked reads fail at once. */
    void cancelAll() {
        cancelled = true;
        open.forEach(Call::cancel);
    }

    boolean cancelled() {
        return cancelled;
    }

    private Authorizer.Authorized authorize() throws TransferException {
        if (source.auth() == null) {
            return new Authorizer.Authorized(source.url(), Map.of());
        }
        try {
            return authorizer.authorize(source.auth(), source.url());
        } catch (ResolveException e) {
            throw e.retryable()
                    ? new TransferException(Kind.NETWORK, true, "cannot sign the request: " + e.getMessage(), null, e)
                    : new TransferException(Kind.AUTH, false, "cannot sign the request: " + e.getMessage(), null, e);
        }
    }
}
