package org.medfetch.resolve.hosts.openxlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.hosts.Secret;
import org.medfetch.resolve.hosts.UserConfig;
import org.medfetch.resolve.hosts.Once;

/**
 * An OpenXLab AccessKey and SecretKey, looked for in the openxlab package's order: its config file
 * when that exists (it then wins), else the OPENXLAB_AK/OPENXLAB_SK variables. Looked up once.
 *
 * <p>Order: openxlab/xlab/handler/user_config.py get_config (hosts.md, OpenDataLab section).
 */
public final class OpenXLabKeys {

    public static final List<String> SOURCES = List.of("~/.openxlab/config.json {\"ak\", \"sk\"}",
            "OPENXLAB_AK + OPENXLAB_SK");

    /** A key pair; both parts print as ***. */
    public record Keys(Secret ak, Secret sk) {
    }

    private final UserConfig user;
    private final Once<Keys> keys = new Once<>(this::find);

    public OpenXLabKeys(UserConfig user) {
        this.user = user;
    }

    public Optional<Keys> get() throws ResolveException {
        return keys.get();
    }

    private Optional<Keys> find() throws ResolveException {
        Path file = user.inHome(".openxlab/config.json");
        Optional<JsonNode> config = user.json(file);
        if (config.isPresent()) {
            Optional<String> ak = UserConfig.field(config.get(), "ak");
            Optional<String> sk = UserConfig.field(config.get(), "sk");
            if (ak.isEmpty() || sk.isEmpty()) {
                throw new ResolveException(file + " needs both \"ak\" and \"sk\" (openxlab login writes it)", false);
            }
            return Optional.of(new Keys(new Secret(ak.get(), file.toString()), new Secret(sk.get(), file.toString())));
        }
        Optional<String> ak = user.variable("OPENXLAB_AK");
        Optional<String> sk = user.variable("OPENXLAB_SK");
        if (ak.isPresent() && sk.isPresent()) {
            return Optional.of(new Keys(new Secret(ak.get(), "OPENXLAB_AK"), new Secret(sk.get(), "OPENXLAB_SK")));
        }
        return Optional.empty();
    }
}
