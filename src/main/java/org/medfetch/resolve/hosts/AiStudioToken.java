package org.medfetch.resolve.hosts;

import java.util.List;
import java.util.Optional;
import org.medfetch.resolve.ResolveException;

/**
 * The AI Studio access token (访问令牌), looked for where the aistudio-sdk based downloaders look: the
 * environment, then the SDK's token file, then a dot-file in the home folder (hosts.md). Looked up once.
 */
public final class AiStudioToken {

    static final List<String> SOURCES = List.of("AISTUDIO_ACCESS_TOKEN", "~/.cache/aistudio/.auth/token",
            "~/.aistudio_token");

    private final UserConfig user;
    private final Once<Secret> token = new Once<>(this::find);

    public AiStudioToken(UserConfig user) {
        this.user = user;
    }

    Optional<Secret> get() throws ResolveException {
        return token.get();
    }

    private Optional<Secret> find() throws ResolveException {
        Optional<String> variable = user.variable("AISTUDIO_ACCESS_TOKEN");
        if (variable.isPresent()) {
            return Optional.of(new Secret(variable.get(), "AISTUDIO_ACCESS_TOKEN"));
        }
        for (String name : List.of(".cache/aistudio/.auth/token", ".aistudio_token")) {
            Optional<String> text = user.text(user.inHome(name));
            if (text.isPresent()) {
                return Optional.of(new Secret(text.get(), "~/" + name));
            }
        }
        return Optional.empty();
    }
}
