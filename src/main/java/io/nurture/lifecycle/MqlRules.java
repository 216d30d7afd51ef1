package io.nurture.lifecycle;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import io.nurture.event.EventType;

/**
 * The two marketer-owned tables that make MQLs: {@code lead-routing} (by the event and the lead's source) and
 * {@code mql-qualification} (by score and fit). Always the latest deployed version.
 */
@Service
public class MqlRules {

    static final String ROUTING = "lead-routing";
    static final String QUALIFICATION = "mql-qualification";

    private final DecisionService decisions;

    MqlRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    public LeadRouting route(EventType type, String source) {
        var result = decisions.evaluateDecisionTableByKey(ROUTING, Variables.createVariables()
                .putValue("eventType", type.wireName())
                .putValue("source", source == null ? null : source.toLowerCase(java.util.Locale.ROOT)));
        if (result.isEmpty()) {
            return new LeadRouting("nurture", 50, "No routing rule matched: nurtured until the MQL threshold");
        }
        DmnDecisionRuleResult rule = result.getFirstResult();
        Number priority = rule.getEntry("priority");
        return new LeadRouting(rule.getEntry("route"), priority == null ? 50 : priority.intValue(),
                rule.getEntry("reason"));
    }

    public boolean qualifies(int score, int fitScore) {
        var result = decisions.evaluateDecisionTableByKey(QUALIFICATION, Variables.createVariables()
                .putValue("score", score)
                .putValue("fitScore", fitScore));
        return !result.isEmpty() && Boolean.TRUE.equals(result.getFirstResult().getEntry("qualified"));
    }
}
