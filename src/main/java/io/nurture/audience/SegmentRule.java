package io.nurture.audience;

import java.util.List;

/**
 * A segment's rule, parsed and checked ({@link RuleParser}): groups of conditions combined with AND ({@code all}) or
 * OR ({@code any}), nested, over the profile, custom properties, events and campaigns. Every condition is true or
 * false for a contact, never unknown: a missing profile value fails every comparison except {@code neq},
 * {@code not_in} and {@code is_not_set}.
 */
public sealed interface SegmentRule {

    /** Whether any condition depends on the clock (a time window), so the sweep must look at it again. */
    boolean timeBound();

    record Group(boolean all, List<SegmentRule> parts) implements SegmentRule {
        @Override
        public boolean timeBound() {
            return parts.stream().anyMatch(SegmentRule::timeBound);
        }
    }

    /** A profile or status field compared with {@code values} (one for most operators, several for in/not_in). */
    record FieldCondition(ContactField field, Operator op, List<Object> values) implements SegmentRule {
        @Override
        public boolean timeBound() {
            return false;
        }
    }

    /**
     * A custom property of the contact ({@code contact_property}) compared with {@code values}: strings, doubles or
     * booleans, all of one kind. A value of another kind than the property's is not equal to it, so {@code eq} is
     * false and {@code neq} true, as for a property the contact does not have.
     */
    record PropertyCondition(String name, Operator op, List<Object> values) implements SegmentRule {
        @Override
        public boolean timeBound() {
            return false;
        }
    }

    /** Did ({@code negated}: did not) do {@code type} at least {@code atLeast} times in the last {@code withinDays} days (null: ever). */
    record EventCondition(String type, int atLeast, Integer withinDays, boolean negated) implements SegmentRule {
        @Override
        public boolean timeBound() {
            return withinDays != null;
        }
    }

    /** In, not in, finished or exited on goal of a campaign, or opened or clicked its mails (within days, or ever). */
    record CampaignCondition(String campaign, CampaignStatus status, Integer withinDays) implements SegmentRule {
        @Override
        public boolean timeBound() {
            return withinDays != null;
        }
    }

    /** On ({@code negated}: not on) the static list {@code listId} (module {@code lists}). */
    record ListCondition(String listId, boolean negated) implements SegmentRule {
        @Override
        public boolean timeBound() {
            return false;
        }
    }

    enum Operator {
        EQ("eq"), NEQ("neq"), IN("in"), NOT_IN("not_in"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"),
        CONTAINS("contains"), STARTS_WITH("starts_with"), IS_SET("is_set"), IS_NOT_SET("is_not_set");

        final String wireName;

        Operator(String wireName) {
            this.wireName = wireName;
        }
    }

    enum CampaignStatus {
        IN("in"), NOT_IN("not_in"), FINISHED("finished"), EXITED_GOAL("exited_goal"), OPENED("opened"),
        CLICKED("clicked");

        final String wireName;

        CampaignStatus(String wireName) {
            this.wireName = wireName;
        }

        boolean reaction() {
            return this == OPENED || this == CLICKED;
        }
    }
}
