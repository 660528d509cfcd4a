package nl.wederkerig.api.platform.eventstore;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Hashes the events an older installation stored before the chain existed, once, when the
 * application starts: after Flyway added the column and before the event processors, the web
 * server or a command-line mode start (all of which begin after every singleton exists). Later
 * starts find nothing to do. An append that meets an unhashed stream before this ran hashes that
 * stream itself ({@link ChainedAppend}), so the order never matters.
 */
@Component
class ChainOnStart implements SmartInitializingSingleton {

    private final EventChain chain;

    ChainOnStart(EventChain chain) {
        this.chain = chain;
    }

    @Override
    public void afterSingletonsInstantiated() {
        chain.backfill();
    }
}
