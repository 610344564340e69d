package org.medfetch.cli;

import org.medfetch.extract.ExtractLimits;
import org.medfetch.workflow.ExtractRequest;
import org.medfetch.workflow.UsageException;
import picocli.CommandLine.Option;

/** --extract and how: what add and get store with a job, and what run applies to its own run. */
final class ExtractFlags {

    @Option(names = "--extract", description = "Unpack each finished archive (zip, tar, tar.gz/bz2/xz, .gz, 7z) into "
            + "downloads/<id>/<archive name without extension>/.")
    boolean extract;

    @Option(names = "--remove-archive", description = "With --extract: delete each archive after it was unpacked "
            + "completely (its record and SHA-256 stay; verify and sync know).")
    boolean removeArchive;

    @Option(names = "--hash-extracted", description = "With --extract: record every unpacked file's SHA-256, so "
            + "verify and manifests cover the unpacked tree.")
    boolean hash;

    /** The request, or null without --extract. */
    ExtractRequest request(ExtractLimits limits) {
        if (!extract) {
            if (removeArchive || hash) {
                throw new UsageException("--remove-archive and --hash-extracted go with --extract");
            }
            return null;
        }
        return new ExtractRequest(removeArchive, hash, limits);
    }
}
