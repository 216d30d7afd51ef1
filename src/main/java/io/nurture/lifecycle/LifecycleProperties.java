package io.nurture.lifecycle;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nurture.lifecycle.*}: the stages in funnel order and which events move a contact to which stage. Checked at
 * start-up by {@link StageRules}; the defaults are the seven stages of the design. MQL is not an event rule: the
 * decision tables {@code lead-routing} and {@code mql-qualification} in {@code processes/} make MQLs.
 */
@ConfigurationProperties("nurture.lifecycle")
public record LifecycleProperties(
        List<String> stages,
        @DefaultValue("VISITOR") String anonymousStage,
        @DefaultValue("LEAD") String knownStage,
        List<Rule> rules,
        @DefaultValue Recycling recycling) {

    static final List<String> DEFAULT_STAGES = List.of("VISITOR", "LEAD", "MQL", "SQL", "OPPORTUNITY", "CUSTOMER",
            "EVANGELIST");
    static final List<Rule> DEFAULT_RULES = List.of(
            new Rule("LEAD", List.of("form_submitted", "content_downloaded", "webinar_registered", "webinar_attended",
                    "newsletter_subscribed"), null),
            new Rule("CUSTOMER", List.of("purchase"), null),
            new Rule("EVANGELIST", List.of("referral_made"), "CUSTOMER"));

    public LifecycleProperties {
        stages = stages == null || stages.isEmpty() ? DEFAULT_STAGES : stages;
        rules = rules == null ? DEFAULT_RULES : rules;
    }

    /** Events in {@code events} move a contact forward to {@code to}; with {@code from}, only from that stage on. */
    public record Rule(String to, List<String> events, String from) {
    }

    /** Where a recycled contact goes back to (SDR "not yet", a lost deal, returned by sales) and what it costs. */
    public record Recycling(@DefaultValue("LEAD") String stage, @DefaultValue("20") int scorePenalty) {
    }
}
