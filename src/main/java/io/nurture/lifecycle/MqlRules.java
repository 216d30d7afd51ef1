package io.nurture.lifecycle;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import io.nurture.event.EventType;
import io.nurture.process.MarketerDecisions;

/**
 * The two marketer-owned tables that make MQLs: {@code lead-routing} (by the event and the lead's source) and
 * {@code mql-qualification} (by score and fit). Always the latest deployed version.
 */
@Service
public class MqlRules {

    static final String ROUTING = "lead-routing";
    static final String QUALIFICATION = "mql-qualification";

    private final MarketerDecisions decisions;

    MqlRules(MarketerDecisions decisions) {
        this.decisions = decisions;
    }

    public LeadRouting route(EventType type, String source) {
        List<Map<String, Object>> result = decisions.evaluate(ROUTING, Variables.createVariables()
                .putValue("eventType", type.wireName())
                .putValue("source", source == null ? null : source.toLowerCase(Locale.ROOT)));
        if (result.isEmpty()) {
            return new LeadRouting("nurture", 50, "No routing rule matched: nurtured until the MQL threshold");
        }
        Map<String, Object> rule = result.get(0);
        Number priority = (Number) rule.get("priority");
        return new LeadRouting((String) rule.get("route"), priority == null ? 50 : priority.intValue(),
                (String) rule.get("reason"));
    }

    public boolean qualifies(int score, int fitScore) {
        List<Map<String, Object>> result = decisions.evaluate(QUALIFICATION,
                Map.of("score", score, "fitScore", fitScore));
        return !result.isEmpty() && Boolean.TRUE.equals(result.get(0).get("qualified"));
    }
}
