package org.medfetch.extract;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** The entries of one archive, in order; each format reads its own way. */
interface EntrySource extends Closeable {

    /** The next entry, or null at the end. */
    Entry next() throws IOException;

    /** The current entry's bytes (a file's content, a zip or 7z symlink's target). */
    InputStream content() throws IOException;

    /** Bytes the archive's directory announces for all its files, or -1 when only reading tells. */
    long declaredTotal();

    /** Bytes of the archive file read so far, for the expansion ratio. */
    long consumed();
}
