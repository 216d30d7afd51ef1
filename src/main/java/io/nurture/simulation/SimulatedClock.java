package io.nurture.simulation;

import java.time.Instant;
import java.util.Date;

/**
 * The simulated time of the run on this thread. Camunda's own clock is one for the whole JVM and Nurture's engine
 * runs on it, so the simulator never sets it: its calendars and {@code dateTime()} read this one instead.
 */
final class SimulatedClock {

    private static final ThreadLocal<Instant> NOW = new ThreadLocal<>();

    private SimulatedClock() {
    }

    static Instant now() {
        Instant now = NOW.get();
        if (now == null) {
            throw new IllegalStateException("no simulation runs on this thread");
        }
        return now;
    }

    static void set(Instant now) {
        NOW.set(now);
    }

    static void clear() {
        NOW.remove();
    }

    static Date nowAsDate() {
        return Date.from(now());
    }
}
