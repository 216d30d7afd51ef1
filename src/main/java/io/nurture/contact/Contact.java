package io.nurture.contact;

import java.time.Instant;


public record Contact(String id, String email, String firstName, String lastName, String company, String industry,
        Integer companySize, String country, String source, String phone, Boolean consentEmail, Boolean consentSms,
        LifecycleStage lifecycleStage, int behaviourScore, int fitScore, boolean unsubscribed, boolean disqualified,
        String disqualifiedReason, Instant createdAt, Instant updatedAt, Long revenue, String techStack,
        String funding, Instant lastEngagedAt) {

    /** A contact without the fit-only fields and engagement time (as before the lifecycle engine). */
    public Contact(String id, String email, String firstName, String lastName, String company, String industry,
            Integer companySize, String country, String source, String phone, Boolean consentEmail,
            Boolean consentSms, LifecycleStage lifecycleStage, int behaviourScore, int fitScore, boolean unsubscribed,
            boolean disqualified, String disqualifiedReason, Instant createdAt, Instant updatedAt) {
        this(id, email, firstName, lastName, company, industry, companySize, country, source, phone, consentEmail,
                consentSms, lifecycleStage, behaviourScore, fitScore, unsubscribed, disqualified, disqualifiedReason,
                createdAt, updatedAt, null, null, null, null);
    }

    /** The contact once {@code profile} is written ({@link ContactRepository#updateProfile}). */
    Contact withProfile(ContactProfile profile, Instant at) {
        return new Contact(id, email, given(profile.firstName(), firstName), given(profile.lastName(), lastName),
                given(profile.company(), company), given(profile.industry(), industry),
                given(profile.companySize(), companySize), given(profile.country(), country),
                source != null ? source : profile.source(), given(profile.phone(), phone),
                given(profile.consentEmail(), consentEmail), given(profile.consentSms(), consentSms), lifecycleStage,
                behaviourScore, fitScore, unsubscribed, disqualified, disqualifiedReason, createdAt, at,
                given(profile.revenue(), revenue), given(profile.techStack(), techStack),
                given(profile.funding(), funding), lastEngagedAt);
    }

    /** The contact with the scores a change left it with. */
    public Contact withScores(int behaviour, int fit) {
        return new Contact(id, email, firstName, lastName, company, industry, companySize, country, source, phone,
                consentEmail, consentSms, lifecycleStage, behaviour, fit, unsubscribed, disqualified,
                disqualifiedReason, createdAt, updatedAt, revenue, techStack, funding, lastEngagedAt);
    }

    public int score() {
        return behaviourScore + fitScore;
    }

    public String fullName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? (email == null ? "Anonymous visitor" : email) : name;
    }

    /** How a person reads the contact in a task list: "Ada Lovelace (Acme)". */
    public String label() {
        return company == null || company.isBlank() ? fullName() : fullName() + " (" + company + ")";
    }

    private static <T> T given(T value, T current) {
        return value != null ? value : current;
    }
}
