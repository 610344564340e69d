package org.medfetch.engine.http;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * HTTPS on 127.0.0.1 for tests: a server context with the self-signed certificate in
 * {@code tls/localhost.p12} (see the README beside it) and clients that trust that certificate alone.
 */
final class TestTls {

    private static final char[] PASSWORD = "medfetch".toCharArray();

    final SSLContext server;
    final SSLContext client;
    final X509TrustManager trust;

    TestTls() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/localhost.p12")) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        server = SSLContext.getInstance("TLS");
        server.init(keyManagers.getKeyManagers(), null, null);

        Certificate certificate = keys.getCertificate("localhost");
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("localhost", certificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(anchors);
        trust = (X509TrustManager) trustManagers.getTrustManagers()[0];
        client = SSLContext.getInstance("TLS");
        client.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
    }

    /** {@code base} (medfetch's client, its sockets included) trusting the test certificate. */
    OkHttpClient trusting(OkHttpClient base) {
        return base.newBuilder().sslSocketFactory(client.getSocketFactory(), trust).build();
    }
}
