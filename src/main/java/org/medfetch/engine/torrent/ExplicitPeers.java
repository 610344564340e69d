package org.medfetch.engine.torrent;

import bt.magnet.MagnetUri;
import bt.metainfo.TorrentId;
import bt.net.InetPeer;
import bt.net.InetPeerAddress;
import bt.net.Peer;
import bt.peer.PeerSource;
import bt.peer.PeerSourceFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medfetch.engine.TransferException;

/**
 * Peers the user named (--peer, a magnet's x.pe), handed to bt as a peer source. bt 1.10 ignores IPv6
 * x.pe entries and needs a tracker or magnet for any peer, so medfetch gives every peer this way.
 */
final class ExplicitPeers implements PeerSourceFactory {

    private static final Pattern HOST_PORT = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([A-Za-z0-9.-]+)):(\\d{1,5})");

    private final List<InetSocketAddress> peers;

    private ExplicitPeers(List<InetSocketAddress> peers) {
        this.peers = List.copyOf(peers);
    }

    /** Parses HOST:PORT and [IPv6]:PORT; names are resolved each time bt asks, so DNS changes are seen. */
    static ExplicitPeers parse(Collection<String> specs) throws TransferException {
        List<InetSocketAddress> peers = new ArrayList<>();
        for (String spec : specs) {
            Matcher m = HOST_PORT.matcher(spec.strip());
            int port = m.matches() ? Integer.parseInt(m.group(3)) : -1;
            if (port < 1 || port > 65535) {
                throw new TransferException(TransferException.Kind.BAD_INPUT, false,
                        "peer '" + spec + "' is not HOST:PORT (a port from 1 to 65535; IPv6 as [addr]:PORT)");
            }
            peers.add(InetSocketAddress.createUnresolved(m.group(1) != null ? m.group(1) : m.group(2), port));
        }
        return new ExplicitPeers(peers);
    }

    boolean isEmpty() {
        return peers.isEmpty();
    }

    /** The peers as a magnet's metadata fetch wants them (it asks them at once, not at the next peer round). */
    MagnetUri.Builder addTo(MagnetUri.Builder magnet) {
        peers.forEach(peer -> magnet.peer(new InetPeerAddress(peer.getHostString(), peer.getPort())));
        return magnet;
    }

    @Override
    public PeerSource getPeerSource(TorrentId torrentId) {
        return new PeerSource() {
            @Override
            public boolean update() {
                return !peers.isEmpty();
            }

            @Override
            public Collection<Peer> getPeers() {
                // bt removes the peers it takes from this collection: it must be a fresh, mutable one
                List<Peer> resolved = new ArrayList<>();
                for (InetSocketAddress peer : peers) {
                    try {
                        resolved.add(InetPeer.build(InetAddress.getByName(peer.getHostString()), peer.getPort()));
                    } catch (UnknownHostException e) {
                        // an unknown name is skipped now and looked up again on the next round
                    }
                }
                return resolved;
            }
        };
    }
}
