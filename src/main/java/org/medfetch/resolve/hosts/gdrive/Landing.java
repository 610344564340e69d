package org.medfetch.resolve.hosts.gdrive;

import okhttp3.HttpUrl;

/**
 * Where asking Drive for a file ends: the file (at {@code url}, directly or through the confirmation
 * form), or a page that wants a sign-in.
 *
 * @param name the file's name when Drive says it (Content-Disposition, or the confirmation page)
 */
record Landing(Kind kind, HttpUrl url, String name) {

    enum Kind { FILE, NEEDS_ACCESS }
}
