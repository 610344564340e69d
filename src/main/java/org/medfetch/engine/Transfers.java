package org.medfetch.engine;

import org.medfetch.resolve.Source;

/** The transfers the engine dispatches to, one per kind of source. */
public record Transfers(Transfer<Source.HttpSource> http, Transfer<Source.TorrentSource> torrent) {
}
