package org.medfetch.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian package) serving a folder on 127.0.0.1, with a rate-limited twin location
 * {@code /slow/} (per-connection limit_rate) and a location that answers an HTML error page.
 */
public final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;

    public Nginx(Path root, Path dir, String slowRate) throws IOException, InterruptedException {
        Path nginx = Tools.require("nginx", "nginx");
        Files.createDirectories(dir);
        this.port = LocalPorts.free();
        String conf = """
                %s
                daemon off;
                worker_processes 1;
                pid %s/nginx.pid;
                error_log %s/error.log;
                events { worker_connections 256; }
                http {
                  access_log %s/access.log;
                  client_body_temp_path %s/body;
                  proxy_temp_path %s/proxy;
                  fastcgi_temp_path %s/fastcgi;
                  uwsgi_temp_path %s/uwsgi;
                  scgi_temp_path %s/scgi;
                  sendfile on;
                  server {
                    listen 127.0.0.1:%d;
                    root %s;
                    location /slow/ { alias %s/; limit_rate %s; }
                    location = /broken.zip { default_type text/html; return 200 "<html><body>Sign in to download</body></html>"; }
                  }
                }
                """.formatted(Tools.root() ? "user root;" : "", dir, dir, dir, dir, dir, dir, dir, dir, port, root, root,
                slowRate);
        Files.writeString(dir.resolve("nginx.conf"), conf);
        process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        LocalPorts.awaitListening(process, port, dir.resolve("stdout.txt"));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + "/" + path;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
