package io.nurture.imports;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.nurture.contact.PropertyValues;
import io.nurture.web.InvalidInputException;
import io.nurture.web.JsonText;
import io.nurture.web.RefuseUnknownFields;

/**
 * Which CSV column (by its header) fills which contact field; a field left out is read from the column of its own
 * name, if there is one (case, spaces, {@code _} and {@code -} aside: "First Name" fills {@code firstName}).
 * {@code startCampaigns}: new contacts start the welcome series as a new lead does; off by default.
 * {@code properties}: custom property key → the header of the column that fills it ({@code {"plan": "Plan"}}), at
 * most as many as a contact may have; only the columns named here fill custom properties.
 */
@RefuseUnknownFields
record ImportMapping(@JsonDeserialize(using = JsonText.class) String email,
        @JsonDeserialize(using = JsonText.class) String firstName,
        @JsonDeserialize(using = JsonText.class) String lastName,
        @JsonDeserialize(using = JsonText.class) String company,
        @JsonDeserialize(using = JsonText.class) String industry,
        @JsonDeserialize(using = JsonText.class) String companySize,
        @JsonDeserialize(using = JsonText.class) String country,
        @JsonDeserialize(using = JsonText.class) String phone,
        @JsonDeserialize(using = JsonText.class) String source,
        @JsonDeserialize(using = JsonText.class) String consentEmail,
        @JsonDeserialize(using = JsonText.class) String consentSms,
        Boolean startCampaigns,
        @JsonDeserialize(contentUsing = JsonText.class) Map<String, String> properties) {

    static final ImportMapping BY_HEADER = new ImportMapping(null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    ImportMapping {
        properties = properties == null ? Map.of() : new LinkedHashMap<>(properties);
    }

    /** Refuses, naming {@code mapping.properties.<key>}, a key the property rules refuse or a header that is none. */
    ImportMapping checked() {
        if (properties.size() > PropertyValues.MAX_PER_CONTACT) {
            throw new InvalidInputException("mapping.properties: at most " + PropertyValues.MAX_PER_CONTACT
                    + " custom properties (as many as a contact may have), named " + properties.size());
        }
        properties.forEach((key, header) -> {
            PropertyValues.checkedName("mapping.properties", key);
            if (header == null || header.isBlank()) {
                throw new InvalidInputException("mapping.properties." + ImportColumns.shortened(key)
                        + ": must be a column name (a string)");
            }
        });
        return this;
    }

    boolean startsCampaigns() {
        return Boolean.TRUE.equals(startCampaigns);
    }

    /** Contact field → the header named for it; fields not named are absent. */
    Map<ImportField, String> named() {
        Map<ImportField, String> named = new LinkedHashMap<>();
        put(named, ImportField.EMAIL, email);
        put(named, ImportField.FIRST_NAME, firstName);
        put(named, ImportField.LAST_NAME, lastName);
        put(named, ImportField.COMPANY, company);
        put(named, ImportField.INDUSTRY, industry);
        put(named, ImportField.COMPANY_SIZE, companySize);
        put(named, ImportField.COUNTRY, country);
        put(named, ImportField.PHONE, phone);
        put(named, ImportField.SOURCE, source);
        put(named, ImportField.CONSENT_EMAIL, consentEmail);
        put(named, ImportField.CONSENT_SMS, consentSms);
        return named;
    }

    private static void put(Map<ImportField, String> named, ImportField field, String header) {
        if (header != null) {
            named.put(field, header);
        }
    }

    /** A header as compared with field names and mapped headers: "First Name", "first_name" → "firstname". */
    static String comparable(String header) {
        return header.strip().replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }
}
