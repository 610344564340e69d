package org.medfetch.engine;

import java.nio.file.Path;

/**
 * A file that is on disk under its final name and verified.
 *
 * @param path   absolute path
 * @param sha256 lower-case hex SHA-256 of its bytes
 */
public record CompletedFile(Path path, long size, String sha256) {
}
