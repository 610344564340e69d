package org.medfetch.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.sqlite.util.OSInfo;

/**
 * Keeps sqlite-jdbc's native library in medfetch's cache folder. Left alone, sqlite-jdbc extracts a new
 * copy into the temp folder on every start (about half a second here) and leaves one behind after
 * every kill -9; one copy per sqlite-jdbc version, made once, does neither. On any problem nothing is
 * set, and sqlite-jdbc extracts as it always does. Which copy suits this system is sqlite-jdbc's to say
 * ({@code OSInfo}, which runs {@code uname} on Linux: 30 ms of every start), so the folder it names is
 * remembered per operating system and architecture; a copy that does not load is the same as none.
 */
final class NativeLibrary {

    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private NativeLibrary() {
    }

    static synchronized void prepare() {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        try {
            String name = System.mapLibraryName("sqlitejdbc");
            String version = version();
            if (version == null) {
                return;
            }
            Path versionDir = cacheFolder().resolve("sqlite-jdbc-" + version);
            Path chosen = versionDir.resolve(System.getProperty("os.name") + "-" + System.getProperty("os.arch")
                    + ".folder");
            if (Files.isRegularFile(chosen)) {
                Path dir = versionDir.resolve(Files.readString(chosen).strip());
                if (dir.startsWith(versionDir) && Files.isRegularFile(dir.resolve(name))) {
                    use(dir, name);
                    return;
                }
            }
            String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
            URL resource = NativeLibrary.class.getResource("/org/sqlite/native/" + folder + "/" + name);
            if (resource == null) {
                return;
            }
            URLConnection connection = resource.openConnection();
            long size = connection.getContentLengthLong();
            Path dir = versionDir.resolve(folder);
            Path library = dir.resolve(name);
            if (!Files.isRegularFile(library) || Files.size(library) != size) {
                Files.createDirectories(dir);
                Path temp = Files.createTempFile(dir, name, ".part");
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(temp, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Path temp = Files.createTempFile(versionDir, "folder", ".part");
            Files.writeString(temp, folder);
            Files.move(temp, chosen, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            use(dir, name);
        } catch (IOException | RuntimeException e) {
            // sqlite-jdbc's own extraction still works; this only saves time.
        }
    }

    private static void use(Path dir, String name) {
        System.setProperty(PATH_PROPERTY, dir.toString());
        System.setProperty(NAME_PROPERTY, name);
    }

    private static String version() throws IOException {
        try (InputStream in = NativeLibrary.class.getResourceAsStream(
                "/META-INF/maven/org.xerial/sqlite-jdbc/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    /** $XDG_CACHE_HOME/medfetch, else ~/.cache/medfetch. */
    private static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("medfetch");
    }
}
