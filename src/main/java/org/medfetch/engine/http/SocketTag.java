package org.medfetch.engine.http;

import java.net.Socket;
import okhttp3.Connection;
import okhttp3.Interceptor;

/**
 * Which socket an answer came in on, so that its body can be read from the socket's channel
 * ({@link DirectBody}). A request carries one as its tag; okhttp copies tags to the requests of
 * redirects, and {@link #RECORD} (a network interceptor) fills it for each hop, the last one winning.
 */
final class SocketTag {

    static final Interceptor RECORD = chain -> {
        SocketTag tag = chain.request().tag(SocketTag.class);
        Connection connection = chain.connection();
        if (tag != null && connection != null) {
            tag.socket = connection.socket();
        }
        return chain.proceed(chain.request());
    };

    private volatile Socket socket;

    Socket socket() {
        return socket;
    }
}
