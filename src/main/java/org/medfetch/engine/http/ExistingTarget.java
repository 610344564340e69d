package org.medfetch.engine.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.medfetch.engine.CompletedFile;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;

/**
 * A file already under the target's name with no part file beside it: a crash between the rename and
 * the record, or a file someone put there. It counts as done only if it matches what is known about
 * it; otherwise medfetch refuses to overwrite it.
 */
final class ExistingTarget {

    private ExistingTarget() {
    }

    /**
     * @param knownSize the size to check when no checksum is published (the repository's or the server's), or null
     */
    static CompletedFile verify(Path target, Expected expected, Long knownSize) throws TransferException {
        Digests digests = new Digests(expected.checksums());
        long size = 0;
        try (FileChannel in = FileChannel.open(target, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            for (int n; (n = in.read(buffer.clear())) >= 0; size += n) {
                digests.update(buffer.array(), 0, n);
            }
        } catch (IOException e) {
            throw PartFile.failure("cannot read " + target, e);
        }
        Digests.Result result = digests.finish();
        String advice = "; move it away (or delete it) to download it again";
        if (!result.mismatches().isEmpty()) {
            throw new TransferException(Kind.CHECKSUM, false, target + " already exists and differs from the "
                    + "published checksum (" + result.describe() + ")" + advice);
        }
        if (expected.checksums().isEmpty() && knownSize != null && size != knownSize) {
            throw new TransferException(Kind.SIZE_MISMATCH, false, target + " already exists and differs: it has "
                    + size + " bytes, not " + knownSize + advice);
        }
        return new CompletedFile(target, size, result.sha256());
    }
}
