package io.nurture.simulation;

import java.util.Date;

import org.joda.time.DateTime;

/** {@code ${now()}} and {@code ${dateTime()}} in a diagram the simulator runs: public, as the engine's EL needs. */
public final class SimulatedTimeFunctions {

    private SimulatedTimeFunctions() {
    }

    public static Date now() {
        return SimulatedClock.nowAsDate();
    }

    public static DateTime dateTime() {
        return new DateTime(SimulatedClock.now().toEpochMilli());
    }
}
