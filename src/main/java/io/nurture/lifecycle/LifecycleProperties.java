package io.nurture.lifecycle;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nurture.lifecycle.*}: the stages in funnel order, which stage plays which built-in role, and which events
 * move a contact to which stage. Checked at start-up by {@link Funnel} and {@link StageRules}; the defaults are the
 * seven stages of the design. The qualified stage (MQL) is not an event rule: the decision tables
 * {@code lead-routing} and {@code mql-qualification} in {@code processes/} make MQLs. {@code anonymous-stage} and
 * {@code known-stage} are the older names of {@code roles.anonymous} and {@code roles.known}, still read.
 */
@ConfigurationProperties("nurture.lifecycle")
public record LifecycleProperties(
        List<String> stages,
        @DefaultValue Roles roles,
        String anonymousStage,
        String knownStage,
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

    /**
     * The stage that plays each {@link StageRole}; unset means the role's default name (VISITOR, LEAD, MQL, SQL,
     * OPPORTUNITY, CUSTOMER, EVANGELIST) when that stage is configured.
     */
    public record Roles(String anonymous, String known, String qualified, String salesAccepted, String opportunity,
            String customer, String advocate) {

        String of(StageRole role) {
            return switch (role) {
                case ANONYMOUS -> anonymous;
                case KNOWN -> known;
                case QUALIFIED -> qualified;
                case SALES_ACCEPTED -> salesAccepted;
                case OPPORTUNITY -> opportunity;
                case CUSTOMER -> customer;
                case ADVOCATE -> advocate;
            };
        }
    }

    /**
     * Where a recycled contact goes back to (SDR "not yet", a lost deal, returned by sales) and what it costs; no
     * stage means the known stage (LEAD).
     */
    public record Recycling(String stage, @DefaultValue("20") int scorePenalty) {
    }
}
