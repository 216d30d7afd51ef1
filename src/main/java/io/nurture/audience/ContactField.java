package io.nurture.audience;

import java.util.EnumSet;
import java.util.Set;

import io.nurture.audience.SegmentRule.Operator;

/**
 * The contact's fields a rule may compare, by their API names, each with its column (a whitelist: no other column
 * ever reaches SQL) and kind. {@code score} is behaviour plus fit; {@code suppressed} is a bounce, complaint or sunset
 * suppression ({@code contact_suppression}).
 */
public enum ContactField {
    STAGE("stage", "c.lifecycle_stage", Kind.TEXT),
    BEHAVIOUR_SCORE("behaviourScore", "c.behaviour_score", Kind.NUMBER),
    FIT_SCORE("fitScore", "c.fit_score", Kind.NUMBER),
    SCORE("score", "(c.behaviour_score + c.fit_score)", Kind.NUMBER),
    SOURCE("source", "c.source", Kind.TEXT),
    COMPANY("company", "c.company", Kind.TEXT),
    INDUSTRY("industry", "c.industry", Kind.TEXT),
    COMPANY_SIZE("companySize", "c.company_size", Kind.NUMBER),
    COUNTRY("country", "c.country", Kind.TEXT),
    REVENUE("revenue", "c.revenue", Kind.NUMBER),
    FUNDING("funding", "c.funding", Kind.TEXT),
    TECH_STACK("techStack", "c.tech_stack", Kind.TEXT),
    EMAIL("email", "c.email", Kind.TEXT),
    CONSENT_EMAIL("consentEmail", "c.consent_email", Kind.BOOLEAN),
    CONSENT_SMS("consentSms", "c.consent_sms", Kind.BOOLEAN),
    UNSUBSCRIBED("unsubscribed", "c.unsubscribed", Kind.BOOLEAN),
    DISQUALIFIED("disqualified", "c.disqualified", Kind.BOOLEAN),
    SUPPRESSED("suppressed", "EXISTS (SELECT 1 FROM contact_suppression s WHERE s.contact_id = c.id)", Kind.BOOLEAN);

    enum Kind {
        TEXT(EnumSet.of(Operator.EQ, Operator.NEQ, Operator.IN, Operator.NOT_IN, Operator.CONTAINS,
                Operator.STARTS_WITH, Operator.IS_SET, Operator.IS_NOT_SET)),
        NUMBER(EnumSet.of(Operator.EQ, Operator.NEQ, Operator.IN, Operator.NOT_IN, Operator.GT, Operator.GTE,
                Operator.LT, Operator.LTE, Operator.IS_SET, Operator.IS_NOT_SET)),
        // a consent never given counts as false
        BOOLEAN(EnumSet.of(Operator.EQ));

        final Set<Operator> operators;

        Kind(Set<Operator> operators) {
            this.operators = operators;
        }
    }

    final String wireName;
    final String column;
    final Kind kind;

    ContactField(String wireName, String column, Kind kind) {
        this.wireName = wireName;
        this.column = column;
        this.kind = kind;
    }

    static ContactField ofWireName(String name) {
        for (ContactField field : values()) {
            if (field.wireName.equals(name)) {
                return field;
            }
        }
        return null;
    }
}
