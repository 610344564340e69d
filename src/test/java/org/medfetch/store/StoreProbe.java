package org.medfetch.store;

import org.medfetch.store.jdbc.JdbcStore;

/** Lets tests of other packages count the statements a store prepared (to bound an operation's queries). */
public final class StoreProbe {

    private StoreProbe() {
    }

    public static long statements(Store store) {
        return ((JdbcStore) store).statementsRun();
    }
}
