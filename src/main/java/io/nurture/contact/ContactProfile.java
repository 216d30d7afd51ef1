package io.nurture.contact;

/** The profile fields an event may carry in its properties; null means "not given, keep what we have". */
public record ContactProfile(String firstName, String lastName, String company, String industry, Integer companySize,
        String country, String source, String phone, Boolean consentEmail, Boolean consentSms) {

    public static final ContactProfile EMPTY = new ContactProfile(null, null, null, null, null, null, null, null, null,
            null);
}
