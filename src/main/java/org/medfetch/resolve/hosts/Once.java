package org.medfetch.resolve.hosts;

import java.util.Optional;
import org.medfetch.resolve.ResolveException;

/**
 * A credential lookup done once, on first use: commands that never talk to a host never read its
 * files or print warnings about them. A lookup that fails is tried again next time.
 */
public final class Once<T> {

    public interface Lookup<T> {
        Optional<T> find() throws ResolveException;
    }

    private final Lookup<T> lookup;
    private Optional<T> found;

    public Once(Lookup<T> lookup) {
        this.lookup = lookup;
    }

    public synchronized Optional<T> get() throws ResolveException {
        if (found == null) {
            found = lookup.find();
        }
        return found;
    }
}
