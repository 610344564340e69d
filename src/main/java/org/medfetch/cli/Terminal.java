package org.medfetch.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What medfetch knows about the terminal it writes to: whether stderr is one (progress bars) or not (plain
 * lines), its width, and whether colour is wanted (https://no-color.org: NO_COLOR set and not empty turns
 * it off).
 *
 * @param stderrIsTerminal stderr is an interactive terminal, whatever stdout is (get > list.txt keeps its bars)
 * @param color            colour may be used (picocli's help); never in progress, which draws with plain text
 */
record Terminal(boolean stderrIsTerminal, boolean color, int width) {

    static final int DEFAULT_WIDTH = 80;

    static Terminal detect(Map<String, String> env) {
        boolean color = env.getOrDefault("NO_COLOR", "").isEmpty();
        boolean dumb = "dumb".equals(env.get("TERM"));
        boolean tty = !dumb && stderrIsTty();
        return new Terminal(tty, color, tty ? width(env) : DEFAULT_WIDTH);
    }

    /**
     * Java 17 tells only whether stdin and stdout are a terminal (System.console()); stderr's file descriptor
     * names its device on Linux, and a launcher may say it (-Dmedfetch.stderr.tty=true, from test -t 2).
     */
    private static boolean stderrIsTty() {
        String said = System.getProperty("medfetch.stderr.tty");
        if (said != null) {
            return Boolean.parseBoolean(said);
        }
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** COLUMNS when the shell exports it, else what stty says of the controlling terminal, else 80. */
    private static int width(Map<String, String> env) {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").strip());
            if (columns > 20) {
                return columns;
            }
        } catch (NumberFormatException e) {
            // not exported: ask the terminal
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (stty.waitFor(2, TimeUnit.SECONDS)) {
                String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip()
                        .split("\\s+");
                if (size.length == 2 && Integer.parseInt(size[1]) > 20) {
                    return Integer.parseInt(size[1]);
                }
            } else {
                stty.destroyForcibly();
            }
        } catch (IOException | NumberFormatException e) {
            // no controlling terminal: the default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_WIDTH;
    }
}
