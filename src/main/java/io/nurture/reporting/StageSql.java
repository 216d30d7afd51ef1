package io.nurture.reporting;

import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.nurture.contact.LifecycleStage;
import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.StageRole;
import io.nurture.lifecycle.UnknownStageException;
import io.nurture.web.InvalidInputException;

/**
 * The configured funnel order of the stages as SQL, so the database can tell forward from backward moves. A stage
 * that is no longer configured (still in old ledger rows) has no rank: its moves are neither forward nor backward.
 */
@Component
class StageSql {

    private final Funnel funnel;

    StageSql(Funnel funnel) {
        this.funnel = funnel;
    }

    /** {@code CASE column WHEN 'VISITOR' THEN 0 ... END}: the stage's position in the funnel. */
    String rank(String column) {
        return funnel.stages().stream()
                .map(stage -> "WHEN '" + stage.name() + "' THEN " + funnel.rankOf(stage))
                .collect(Collectors.joining(" ", "CASE " + column + " ", " END"));
    }

    /** {@code CASE column WHEN 'LEAD' THEN 'VISITOR' ... END}: the stage before it in the funnel. */
    String previous(String column) {
        return funnel.stages().stream().skip(1)
                .map(stage -> "WHEN '" + stage.name() + "' THEN '" + funnel.previous(stage).orElseThrow().name() + "'")
                .collect(Collectors.joining(" ", "CASE " + column + " ", " END"));
    }

    /** {@code 'MQL'}: the stage of a role that is always configured, as an SQL literal (names are [A-Z0-9_]). */
    String literal(StageRole role) {
        return "'" + funnel.require(role).name() + "'";
    }

    LifecycleStage parse(String value) {
        try {
            return funnel.parse(value);
        } catch (UnknownStageException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
