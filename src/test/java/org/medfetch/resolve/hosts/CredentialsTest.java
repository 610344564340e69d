package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.hosts.kaggle.KaggleCredentials;
import org.medfetch.resolve.hosts.openxlab.OpenXLabKeys;

/** Where and in which order credentials are looked for, as the official tools look for them. */
class CredentialsTest {

    @TempDir
    Path home;

    final Map<String, String> env = new HashMap<>();
    final List<String> warnings = new ArrayList<>();

    private UserConfig user() {
        return new UserConfig(env, home, warnings::add);
    }

    private String kaggle() throws ResolveException {
        return new KaggleCredentials(user()).authorization().map(Secret::reveal).orElse("none");
    }

    private Path write(String relative, String text, String permissions) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private static String basic(String user, String key) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void kaggleOrderTokenVariableThenTokenFilesThenKeyVariablesThenKaggleJson() throws IOException, ResolveException {
        assertEquals("none", kaggle());
        write(".kaggle/kaggle.json", "{\"username\":\"file-user\",\"key\":\"file-key\"}", "rw-------");
        assertEquals(basic("file-user", "file-key"), kaggle());
        env.put("KAGGLE_USERNAME", "env-user");
        env.put("KAGGLE_KEY", "env-key");
        assertEquals(basic("env-user", "env-key"), kaggle());
        write(".kaggle/access_token.txt", "token-from-txt\n", "rw-------");
        assertEquals("Bearer token-from-txt", kaggle());
        write(".kaggle/access_token", "token-from-file", "rw-------");
        assertEquals("Bearer token-from-file", kaggle());
        env.put("KAGGLE_API_TOKEN", "token-from-variable");
        assertEquals("Bearer token-from-variable", kaggle());
        Path tokenFile = write("secrets/kaggle-token", "token-in-named-file\n", "rw-------");
        env.put("KAGGLE_API_TOKEN", tokenFile.toString());
        assertEquals("Bearer token-in-named-file", kaggle());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void kaggleJsonFolderConfigDirThenDotKaggleThenXdgOnlyWithoutDotKaggle() throws IOException, ResolveException {
        write(".config/kaggle/kaggle.json", "{\"username\":\"default-xdg\",\"key\":\"k0\"}", "rw-------");
        assertEquals(basic("default-xdg", "k0"), kaggle());
        write("xdg/kaggle/kaggle.json", "{\"username\":\"xdg\",\"key\":\"k1\"}", "rw-------");
        env.put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
        assertEquals(basic("xdg", "k1"), kaggle());
        Files.createDirectories(home.resolve(".kaggle"));
        assertEquals("none", kaggle(), "an existing ~/.kaggle is the folder, even without kaggle.json");
        write(".kaggle/kaggle.json", "{\"username\":\"dot\",\"key\":\"k2\"}", "rw-------");
        assertEquals(basic("dot", "k2"), kaggle());
        write("custom/kaggle.json", "{\"username\":\"custom\",\"key\":\"k3\"}", "rw-------");
        env.put("KAGGLE_CONFIG_DIR", home.resolve("custom").toString());
        assertEquals(basic("custom", "k3"), kaggle());
    }

    @Test
    void kaggleJsonReadableByOthersGetsOneWarning() throws IOException, ResolveException {
        Path file = write(".kaggle/kaggle.json", "{\"username\":\"u\",\"key\":\"k\"}", "rw-r--r--");
        KaggleCredentials credentials = new KaggleCredentials(user());
        credentials.authorization();
        credentials.authorization();
        assertEquals(List.of("warning: " + file + " is readable by other users; run: chmod 600 " + file), warnings);
        warnings.clear();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        new KaggleCredentials(user()).authorization();
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void brokenKaggleJsonNamesTheFileNotItsContent() throws IOException {
        write(".kaggle/kaggle.json", "{\"username\":\"u\",\"key\":\"sekrit-key\"", "rw-------");
        ResolveException broken = assertThrows(ResolveException.class, this::kaggle);
        assertTrue(broken.getMessage().contains("kaggle.json is not valid JSON"), broken.getMessage());
        assertFalse(broken.getMessage().contains("sekrit-key"), broken.getMessage());
        write(".kaggle/kaggle.json", "{\"username\":\"u\"}", "rw-------");
        ResolveException partial = assertThrows(ResolveException.class, this::kaggle);
        assertTrue(partial.getMessage().contains("needs both \"username\" and \"key\""), partial.getMessage());
    }

    @Test
    void aiStudioTokenVariableThenSdkFileThenDotFile() throws IOException, ResolveException {
        assertEquals(Optional.empty(), new AiStudioToken(user()).get());
        write(".aistudio_token", "dot-file\n", "rw-------");
        assertEquals("dot-file", new AiStudioToken(user()).get().orElseThrow().reveal());
        write(".cache/aistudio/.auth/token", "sdk-file", "rw-------");
        assertEquals("sdk-file", new AiStudioToken(user()).get().orElseThrow().reveal());
        env.put("AISTUDIO_ACCESS_TOKEN", "variable");
        assertEquals("variable", new AiStudioToken(user()).get().orElseThrow().reveal());
    }

    @Test
    void openXLabConfigFileWinsOverTheVariables() throws IOException, ResolveException {
        env.put("OPENXLAB_AK", "env-ak");
        assertEquals(Optional.empty(), new OpenXLabKeys(user()).get(), "both variables are needed");
        env.put("OPENXLAB_SK", "env-sk");
        assertEquals("env-ak", new OpenXLabKeys(user()).get().orElseThrow().ak().reveal());
        write(".openxlab/config.json", "{\"ak\": \"file-ak\", \"sk\": \"file-sk\"}", "rw-------");
        OpenXLabKeys.Keys keys = new OpenXLabKeys(user()).get().orElseThrow();
        assertEquals("file-ak", keys.ak().reveal());
        assertEquals("file-sk", keys.sk().reveal());
        assertFalse(keys.toString().contains("file-sk"), keys.toString());
    }

    @Test
    void secretsPrintAsStars() {
        Secret secret = new Secret(" value-123 ", "KAGGLE_KEY");
        assertEquals("*** (from KAGGLE_KEY)", secret.toString());
        assertEquals("value-123", secret.reveal());
    }
}
