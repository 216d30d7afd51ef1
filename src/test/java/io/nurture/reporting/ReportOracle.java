package io.nurture.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nurture.contact.LifecycleStage;
import io.nurture.reporting.ReportDataSet.Journey;
import io.nurture.reporting.ReportDataSet.Move;

/** The true answers, worked out from the journeys in memory, one contact at a time. */
class ReportOracle {

    record StageCounts(long current, long entries, long reEntries, long contacts, long converted, long movedBack) {
    }

    private final List<Journey> journeys;
    private final Instant start;
    private final Instant end;

    ReportOracle(List<Journey> journeys, Instant start, Instant end) {
        this.journeys = journeys;
        this.start = start;
        this.end = end;
    }

    private boolean inPeriod(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    StageCounts funnel(LifecycleStage stage) {
        long current = journeys.stream().filter(j -> j.current().equals(stage)).count();
        long entries = 0, reEntries = 0, converted = 0, movedBack = 0;
        Set<String> contacts = new HashSet<>();
        for (Journey journey : journeys) {
            List<Move> moves = journey.moves();
            for (int i = 0; i < moves.size(); i++) {
                Move move = moves.get(i);
                if (!move.to().equals(stage) || !inPeriod(move.at())) {
                    continue;
                }
                entries++;
                contacts.add(journey.contactId());
                if (move.entry() > 1) {
                    reEntries++;
                }
                if (i + 1 < moves.size()) {
                    if (DefaultStages.rank(moves.get(i + 1).to()) > DefaultStages.rank(stage)) {
                        converted++;
                    } else {
                        movedBack++;
                    }
                }
            }
        }
        return new StageCounts(current, entries, reEntries, contacts.size(), converted, movedBack);
    }

    /** Days per move into {@code to} straight from the stage before it, from the contact's entry into that stage. */
    Map<String, List<Double>> velocityDays(LifecycleStage to) {
        LifecycleStage previous = DefaultStages.ORDER.get(DefaultStages.rank(to) - 1);
        Map<String, List<Double>> byMonth = new HashMap<>();
        for (Journey journey : journeys) {
            List<Move> moves = journey.moves();
            for (int i = 0; i < moves.size(); i++) {
                Move move = moves.get(i);
                if (move.to().equals(to) && previous.equals(move.from()) && inPeriod(move.at())) {
                    Instant entered = moves.get(i - 1).at();
                    double days = Duration.between(entered, move.at()).toSeconds() / 86_400d;
                    byMonth.computeIfAbsent("all", m -> new ArrayList<>()).add(days);
                    byMonth.computeIfAbsent(YearMonth.from(move.at().atZone(ZoneOffset.UTC)).toString(),
                            m -> new ArrayList<>()).add(days);
                }
            }
        }
        return byMonth;
    }

    long entries(LifecycleStage stage, boolean firstOnly, boolean repeatOnly) {
        return journeys.stream().flatMap(j -> j.moves().stream())
                .filter(m -> m.to().equals(stage) && inPeriod(m.at()))
                .filter(m -> !firstOnly || m.entry() == 1)
                .filter(m -> !repeatOnly || m.entry() > 1)
                .count();
    }

    List<Journey> newLeads() {
        return journeys.stream()
                .filter(j -> j.moves().stream().anyMatch(m -> m.to().equals(LifecycleStage.LEAD) && m.entry() == 1
                        && inPeriod(m.at())))
                .toList();
    }

    static double average(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
