package io.nurture.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Days between consecutive stages (average and median), for the whole period and per month of arrival. */
record VelocityReport(LocalDate from, LocalDate to, List<Step> overall, List<Month> months) implements Tabular {

    /** One pair of consecutive stages: how long contacts took from entering {@code fromStage} to {@code toStage}. */
    record Step(String fromStage, String toStage, long moves, Double averageDays, Double medianDays) {
    }

    /** The moves that arrived at the later stage in this month ({@code 2026-11}). */
    record Month(String month, List<Step> steps) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("month", "from_stage", "to_stage", "moves", "average_days", "median_days");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        overall.forEach(step -> rows.add(row("all", step)));
        months.forEach(month -> month.steps().forEach(step -> rows.add(row(month.month(), step))));
        return rows;
    }

    private static List<Object> row(String month, Step step) {
        return Arrays.asList(month, step.fromStage(), step.toStage(), step.moves(), step.averageDays(),
                step.medianDays());
    }

    @Override
    public String csvName() {
        return "velocity-" + from + "-" + to;
    }
}
