package io.nurture.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.nurture.lifecycle.LifecycleStage;
import io.nurture.web.InvalidInputException;

/** The funnel order of the stages as SQL, so the database can tell forward from backward moves. */
final class StageSql {

    private StageSql() {
    }

    /** {@code CASE column WHEN 'VISITOR' THEN 0 ... END}: the stage's position in the funnel. */
    static String rank(String column) {
        return Arrays.stream(LifecycleStage.values())
                .map(stage -> "WHEN '" + stage.name() + "' THEN " + stage.ordinal())
                .collect(Collectors.joining(" ", "CASE " + column + " ", " END"));
    }

    /** {@code CASE column WHEN 'LEAD' THEN 'VISITOR' ... END}: the stage before it in the funnel. */
    static String previous(String column) {
        LifecycleStage[] stages = LifecycleStage.values();
        return Arrays.stream(stages).skip(1)
                .map(stage -> "WHEN '" + stage.name() + "' THEN '" + stages[stage.ordinal() - 1].name() + "'")
                .collect(Collectors.joining(" ", "CASE " + column + " ", " END"));
    }

    static LifecycleStage parse(String value) {
        try {
            return LifecycleStage.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Unknown stage '" + value + "'; stages are "
                    + Arrays.toString(LifecycleStage.values()));
        }
    }
}
