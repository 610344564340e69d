package org.medfetch.cli;

import org.medfetch.engine.ByteCount;
import org.medfetch.extract.ExtractLimits;
import org.medfetch.workflow.UsageException;
import picocli.CommandLine.Option;

/** How far an archive may expand when it is unpacked. */
final class ExtractLimitOptions {

    @Option(names = "--max-extract-size", paramLabel = "SIZE", defaultValue = "10T",
            description = "Refuse an archive that unpacks to more than SIZE (default: ${DEFAULT-VALUE}).")
    String maxSize;

    @Option(names = "--max-extract-ratio", paramLabel = "N", defaultValue = "1000",
            description = "Refuse an archive that unpacks to more than N bytes per byte of archive (default: "
                    + "${DEFAULT-VALUE}; a zip bomb goes far beyond).")
    long maxRatio;

    ExtractLimits limits() {
        try {
            return new ExtractLimits(ByteCount.parse(maxSize), maxRatio);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--max-extract-size and --max-extract-ratio: " + e.getMessage());
        }
    }
}
