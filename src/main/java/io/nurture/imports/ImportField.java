package io.nurture.imports;

/** The contact fields a CSV column may fill, with the longest value each takes (the contact table's columns). */
enum ImportField {

    EMAIL("email", 320), FIRST_NAME("firstName", 100), LAST_NAME("lastName", 100), COMPANY("company", 200),
    INDUSTRY("industry", 100), COMPANY_SIZE("companySize", 9), COUNTRY("country", 2), PHONE("phone", 32),
    SOURCE("source", 100), CONSENT_EMAIL("consentEmail", 20), CONSENT_SMS("consentSms", 20);

    private final String field;
    private final int maxLength;

    ImportField(String field, int maxLength) {
        this.field = field;
        this.maxLength = maxLength;
    }

    String field() {
        return field;
    }

    int maxLength() {
        return maxLength;
    }
}
