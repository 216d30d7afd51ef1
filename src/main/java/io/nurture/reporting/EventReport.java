package io.nurture.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * What contacts did in the period, by event type: the built-in ones and every custom type a site sends
 * ({@code trial_started}), busiest first.
 *
 * @param events the events of that type that occurred in the period
 * @param contacts the contacts who did it at least once in the period
 */
record EventReport(LocalDate from, LocalDate to, List<TypeCount> types) implements Tabular {

    record TypeCount(String type, boolean builtIn, long events, long contacts) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("type", "built_in", "events", "contacts");
    }

    @Override
    public List<List<Object>> csvRows() {
        return types.stream().map(t -> List.<Object>of(t.type(), t.builtIn(), t.events(), t.contacts())).toList();
    }

    @Override
    public String csvName() {
        return "events-" + from + "-" + to;
    }
}
