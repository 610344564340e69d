package org.medfetch.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Usable bytes on the file system of a folder; a seam so tests can run out of space on demand. */
@FunctionalInterface
public interface FreeSpace {

    FreeSpace SYSTEM = folder -> Files.getFileStore(folder).getUsableSpace();

    long usable(Path folder) throws IOException;
}
