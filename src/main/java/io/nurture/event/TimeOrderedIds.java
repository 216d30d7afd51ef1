package io.nurture.event;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUID version 7 (RFC 9562): the time in milliseconds first, then random bits. The event table's key then grows at
 * its end, as the events come, instead of at a random page of an index much larger than the database's cache; the ids
 * name rows and grant nothing, so a fast random source is enough.
 */
final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    static String next() {
        return at(System.currentTimeMillis()).toString();
    }

    static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
