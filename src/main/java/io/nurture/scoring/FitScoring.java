package io.nurture.scoring;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

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
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("industry", contact.industry() == null ? null : contact.industry().toLowerCase(Locale.ROOT));
        inputs.put("companySize", contact.companySize());
        inputs.put("revenue", contact.revenue());
        inputs.put("country", contact.country());
        inputs.put("techStack", contact.techStack());
        inputs.put("funding", contact.funding());
        return DecisionResults.sumOf(decisions.evaluate(DECISION_KEY, inputs), "points");
    }
}
