package org.medfetch.resolve.hosts.kaggle;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.hosts.Secret;
import org.medfetch.resolve.hosts.UserConfig;
import org.medfetch.resolve.hosts.Once;

/**
 * Kaggle credentials, looked for where the official CLI looks and in its order: an access token
 * (sent as Bearer), then a legacy username and key (sent as Basic). Looked up once, on first use, so
 * commands that never talk to Kaggle never read the files or print the permission warning.
 *
 * <p>Order and places: Kaggle/kaggle-api src/kaggle/api/kaggle_api_extended.py (authenticate,
 * read_config_environment, config_dir) and Kaggle/kagglesdk kagglesdk/kaggle_env.py
 * (get_access_token_from_env); see hosts.md.
 */
public final class KaggleCredentials {

    public static final List<String> SOURCES = List.of(
            "KAGGLE_API_TOKEN (the token, or a file holding it)",
            "~/.kaggle/access_token, ~/.kaggle/access_token.txt",
            "KAGGLE_USERNAME + KAGGLE_KEY",
            "kaggle.json in $KAGGLE_CONFIG_DIR, else ~/.kaggle/, else (no ~/.kaggle) $XDG_CONFIG_HOME/kaggle/ "
                    + "or ~/.config/kaggle/");

    private final UserConfig user;
    private final Once<Secret> authorization = new Once<>(this::find);

    public KaggleCredentials(UserConfig user) {
        this.user = user;
    }

    /** The Authorization header value to send, or empty when the user has set up no credentials. */
    public Optional<Secret> authorization() throws ResolveException {
        return authorization.get();
    }

    private Optional<Secret> find() throws ResolveException {
        Optional<Secret> token = token();
        return token.isPresent() ? token : legacyKey();
    }

    private Optional<Secret> token() throws ResolveException {
        Optional<String> variable = user.variable("KAGGLE_API_TOKEN");
        if (variable.isPresent()) {
            Path file = Path.of(variable.get());
            Optional<String> fromFile = Files.isRegularFile(file) ? user.text(file) : Optional.empty();
            return Optional.of(bearer(fromFile.orElse(variable.get()),
                    fromFile.isPresent() ? "the file named by KAGGLE_API_TOKEN" : "KAGGLE_API_TOKEN"));
        }
        for (String name : List.of(".kaggle/access_token", ".kaggle/access_token.txt")) {
            Optional<String> token = user.text(user.inHome(name));
            if (token.isPresent()) {
                return Optional.of(bearer(token.get(), "~/" + name));
            }
        }
        return Optional.empty();
    }

    private Optional<Secret> legacyKey() throws ResolveException {
        Optional<String> username = user.variable("KAGGLE_USERNAME");
        Optional<String> key = user.variable("KAGGLE_KEY");
        if (username.isPresent() && key.isPresent()) {
            return Optional.of(basic(username.get(), key.get(), "KAGGLE_USERNAME/KAGGLE_KEY"));
        }
        Path file = configDir().resolve("kaggle.json");
        Optional<JsonNode> config = user.json(file);
        if (config.isEmpty()) {
            return Optional.empty();
        }
        if (UserConfig.readableByOthers(file)) {
            user.warn("warning: " + file + " is readable by other users; run: chmod 600 " + file);
        }
        Optional<String> fileUser = UserConfig.field(config.get(), "username");
        Optional<String> fileKey = UserConfig.field(config.get(), "key");
        if (fileUser.isEmpty() || fileKey.isEmpty()) {
            throw new ResolveException(file + " needs both \"username\" and \"key\" (download a new one: Kaggle → "
                    + "Settings → API → Create New Token)", false);
        }
        return Optional.of(basic(fileUser.get(), fileKey.get(), file.toString()));
    }

    /** Where kaggle.json lives: $KAGGLE_CONFIG_DIR, else ~/.kaggle, else the XDG folder when ~/.kaggle is absent. */
    private Path configDir() {
        Optional<String> configured = user.variable("KAGGLE_CONFIG_DIR");
        if (configured.isPresent()) {
            return Path.of(configured.get());
        }
        Path legacy = user.inHome(".kaggle");
        if (Files.isDirectory(legacy)) {
            return legacy;
        }
        return user.variable("XDG_CONFIG_HOME").map(Path::of).orElse(user.inHome(".config")).resolve("kaggle");
    }

    private static Secret bearer(String token, String origin) {
        return new Secret("Bearer " + token.strip(), origin);
    }

    private static Secret basic(String username, String key, String origin) {
        String pair = username + ":" + key;
        return new Secret("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)), origin);
    }
}
