package org.medfetch.resolve.hosts.openxlab;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.hosts.HostClient;
import org.medfetch.resolve.hosts.Secret;

/**
 * Signs in to OpenXLab with an AccessKey/SecretKey the way the openxlab package does (a nonce from
 * {@code auth}, its HMAC with the SecretKey sent to {@code getJwt}) and keeps the JWT in memory until
 * shortly before it expires. medfetch never writes the package's ~/.openxlab/token.json.
 */
final class OpenXLabSession {

    /** openxlab's expiration format and zone (openxlab/utils/time_util.py; China time, UNVERIFIED zone). */
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** openxlab refreshes 30 s before expiry (user_token.py get_token). */
    private static final Duration MARGIN = Duration.ofSeconds(30);
    /** How long to trust a JWT whose expiration cannot be read. */
    private static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(10);
    private static final String SUCCESS = "10000";

    private final HostClient api;
    private final HttpUrl authBase;
    private final OpenXLabKeys keys;
    private final Clock clock;
    private Secret jwt;
    private Instant renewAt = Instant.MIN;

    OpenXLabSession(HostClient api, HttpUrl authBase, OpenXLabKeys keys, Clock clock) {
        this.api = api;
        this.authBase = authBase;
        this.keys = keys;
        this.clock = clock;
    }

    /** The JWT for the Authorization header, signing in again when the last one is about to expire. */
    synchronized Secret jwt() throws ResolveException {
        if (jwt != null && clock.instant().isBefore(renewAt)) {
            return jwt;
        }
        OpenXLabKeys.Keys pair = keys.get().orElseThrow(() -> new ResolveException("no OpenXLab AccessKey/SecretKey; "
                + "medfetch reads them from " + String.join(", ", OpenXLabKeys.SOURCES), false));
        String ak = pair.ak().reveal();
        OpenXLabApi.Challenge challenge = call("auth", Map.of("ak", ak), OpenXLabApi.Challenge.class, ak);
        if (challenge.nonce() == null || challenge.algorithm() == null) {
            throw api.unexpected("the sign-in challenge has no nonce or algorithm");
        }
        String d = sign(pair.sk().reveal(), challenge);
        OpenXLabApi.Token token = call("getJwt", Map.of("ak", ak, "d", d), OpenXLabApi.Token.class, ak, d);
        if (token.jwt() == null || token.jwt().isBlank()) {
            throw api.unexpected("the sign-in answer has no jwt");
        }
        jwt = new Secret(token.jwt(), "OpenXLab sign-in");
        renewAt = expiry(token.expiration()).minus(MARGIN);
        return jwt;
    }

    private <T> T call(String action, Map<String, String> body, Class<T> type, String... secrets)
            throws ResolveException {
        HttpUrl url = authBase.newBuilder().addPathSegment(action).build();
        OpenXLabApi.Envelope outer = api.postJson(url, body, Map.of(), OpenXLabApi.Envelope.class, secrets);
        if (!SUCCESS.equals(outer.msgCode()) || outer.data() == null || !outer.data().isObject()) {
            throw refused(action, outer.msg());
        }
        OpenXLabApi.Envelope inner = api.convert(outer.data(), OpenXLabApi.Envelope.class, "the " + action + " answer");
        if (!SUCCESS.equals(inner.msgCode()) || inner.data() == null) {
            throw refused(action, inner.msg());
        }
        return api.convert(inner.data(), type, "the " + action + " answer");
    }

    private ResolveException refused(String action, String message) {
        return new ResolveException("OpenXLab refused the sign-in (" + action + (message == null ? "" : ": "
                + message) + "); check the AccessKey/SecretKey (" + String.join(", ", OpenXLabKeys.SOURCES) + ")", false);
    }

    /** Base64 of the HMAC of the nonce with the SecretKey; "HmacSHA256" or a bare "SHA256" name the algorithm. */
    private String sign(String sk, OpenXLabApi.Challenge challenge) throws ResolveException {
        String name = challenge.algorithm().regionMatches(true, 0, "Hmac", 0, 4)
                ? "Hmac" + challenge.algorithm().substring(4).toUpperCase(Locale.ROOT)
                : "Hmac" + challenge.algorithm().toUpperCase(Locale.ROOT).replace("-", "");
        try {
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(sk.getBytes(StandardCharsets.UTF_8), name));
            return Base64.getEncoder().encodeToString(mac.doFinal(challenge.nonce().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw api.unexpected("the sign-in asks for an unsupported algorithm '" + challenge.algorithm() + "'");
        }
    }

    private Instant expiry(String text) {
        try {
            return LocalDateTime.parse(text, EXPIRATION).atZone(ZONE).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            return clock.instant().plus(UNKNOWN_LIFETIME);
        }
    }
}
