package io.nurture.scoring;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import io.nurture.contact.Contact;

/** The ideal-customer-profile fit from the marketer's DMN table {@code fit-score} (COLLECT SUM). */
@Service
public class FitScoring {

    static final String DECISION_KEY = "fit-score";

    private final DecisionService decisions;

    FitScoring(DecisionService decisions) {
        this.decisions = decisions;
    }

    public int fitOf(Contact contact) {
        var result = decisions.evaluateDecisionTableByKey(DECISION_KEY, Variables.createVariables()
                .putValue("industry", contact.industry() == null ? null : contact.industry().toLowerCase(java.util.Locale.ROOT))
                .putValue("companySize", contact.companySize())
                .putValue("revenue", contact.revenue())
                .putValue("country", contact.country())
                .putValue("techStack", contact.techStack())
                .putValue("funding", contact.funding()));
        return DecisionResults.sumOf(result, "points");
    }
}
