package io.nurture.scoring;

import java.util.Locale;

import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import io.nurture.contact.Contact;
import io.nurture.process.MarketerDecisions;

/** The ideal-customer-profile fit from the marketer's DMN table {@code fit-score} (COLLECT SUM). */
@Service
public class FitScoring {

    static final String DECISION_KEY = "fit-score";

    private final MarketerDecisions decisions;

    FitScoring(MarketerDecisions decisions) {
        this.decisions = decisions;
    }

    public int fitOf(Contact contact) {
        var result = decisions.evaluate(DECISION_KEY, Variables.createVariables()
                .putValue("industry", contact.industry() == null ? null : contact.industry().toLowerCase(Locale.ROOT))
                .putValue("companySize", contact.companySize())
                .putValue("revenue", contact.revenue())
                .putValue("country", contact.country())
                .putValue("techStack", contact.techStack())
                .putValue("funding", contact.funding()));
        return DecisionResults.sumOf(result, "points");
    }
}
