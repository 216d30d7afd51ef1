package io.nurture.lifecycle;

import io.nurture.contact.LifecycleStage;

/**
 * What a stage means to the built-in behaviour, whatever the stage is called: {@code nurture.lifecycle.roles.*} names
 * the stage that plays each role. Roles are in funnel order; the anonymous and known roles may share a stage.
 */
public enum StageRole {

    /** Where a contact known only by a cookie starts. */
    ANONYMOUS("anonymous", LifecycleStage.VISITOR, true),
    /** Where a contact known by e-mail starts; new ones enter {@code welcome}, recycled ones {@code drip}. */
    KNOWN("known", LifecycleStage.LEAD, true),
    /** Marketing-qualified: made by the decision tables, starts {@code lead-handoff}, ends the nurture campaigns. */
    QUALIFIED("qualified", LifecycleStage.MQL, true),
    /** Accepted by an SDR in {@code lead-handoff}. */
    SALES_ACCEPTED("sales-accepted", LifecycleStage.SQL, false),
    /** A deal in progress: only such a contact can have its deal closed. */
    OPPORTUNITY("opportunity", LifecycleStage.OPPORTUNITY, false),
    /** Deal won or purchase: starts {@code customer-advocacy} (the NPS survey). */
    CUSTOMER("customer", LifecycleStage.CUSTOMER, false),
    /** A promoter (NPS ≥ 9 or a referral). */
    ADVOCATE("advocate", LifecycleStage.EVANGELIST, false);

    private final String key;
    private final LifecycleStage defaultStage;
    private final boolean required;

    StageRole(String key, LifecycleStage defaultStage, boolean required) {
        this.key = key;
        this.defaultStage = defaultStage;
        this.required = required;
    }

    /** The name under {@code nurture.lifecycle.roles}, e.g. {@code sales-accepted}. */
    public String key() {
        return key;
    }

    LifecycleStage defaultStage() {
        return defaultStage;
    }

    boolean isRequired() {
        return required;
    }

    static StageRole ofKey(String key) {
        for (StageRole role : values()) {
            if (role.key.equalsIgnoreCase(key == null ? "" : key.trim())) {
                return role;
            }
        }
        throw new UnknownStageException("Unknown stage role '" + key + "'; roles are "
                + java.util.Arrays.stream(values()).map(StageRole::key).toList());
    }
}
