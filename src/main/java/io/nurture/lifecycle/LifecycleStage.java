package io.nurture.lifecycle;

/** The default lifecycle, in funnel order. */
public enum LifecycleStage {
    VISITOR, LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER, EVANGELIST;

    public boolean isBefore(LifecycleStage other) {
        return ordinal() < other.ordinal();
    }

    public boolean isAtLeast(LifecycleStage other) {
        return ordinal() >= other.ordinal();
    }
}
