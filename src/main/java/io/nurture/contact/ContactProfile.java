package io.nurture.contact;

/**
 * The profile fields an event may carry in its properties; null means "not given, keep what we have". {@code revenue}
 * (annual, in the account's currency), {@code techStack} (comma-separated, lower case) and {@code funding} complete
 * the ideal-customer profile that the fit score reads.
 */
public record ContactProfile(String firstName, String lastName, String company, String industry, Integer companySize,
        String country, String source, String phone, Boolean consentEmail, Boolean consentSms, Long revenue,
        String techStack, String funding) {

    public static final ContactProfile EMPTY = new ContactProfile(null, null, null, null, null, null, null, null, null,
            null);

    /** A profile without the fit-only fields. */
    public ContactProfile(String firstName, String lastName, String company, String industry, Integer companySize,
            String country, String source, String phone, Boolean consentEmail, Boolean consentSms) {
        this(firstName, lastName, company, industry, companySize, country, source, phone, consentEmail, consentSms,
                null, null, null);
    }
}
