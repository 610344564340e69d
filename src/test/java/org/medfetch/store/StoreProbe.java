package org.medfetch.store;

/** Lets tests of other packages count the statements a store prepared (to bound an operation's queries). */
public final class StoreProbe {

    private StoreProbe() {
    }

    public static long statements(Store store) {
        return store.statementsRun();
    }
}
