package io.nurture.segment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.contact.PropertyValues;

/**
 * Segment's reserved traits (https://segment.com/docs/connections/spec/identify/#traits) in the property names the
 * profile is read from ({@code io.nurture.ingestion.ProfileParser}). A country that is not a two-letter code
 * ("Germany") stays in the traits but not in the profile, whose country is an ISO 3166 code.
 */
final class Traits {

    /**
     * Segment's reserved identify traits, and the spellings of them Nurture reads: never custom properties, whether
     * Nurture keeps them in the profile or not.
     */
    static final Set<String> RESERVED_PERSON = Set.of("address", "age", "avatar", "birthday", "company", "createdAt",
            "created_at", "description", "email", "firstName", "first_name", "gender", "id", "lastName", "last_name",
            "name", "phone", "title", "username", "website", "employees", "industry", "country", "consent");

    private Traits() {
    }

    /**
     * An identify's other traits (names as {@link PropertyKeys} made them), which become the contact's custom
     * properties: scalars only. Objects and arrays, which Segment's libraries send too, are skipped, not refused.
     */
    static Map<String, Object> custom(Map<String, Object> traits) {
        Map<String, Object> custom = new LinkedHashMap<>();
        traits.forEach((name, value) -> {
            if (!RESERVED_PERSON.contains(name) && PropertyValues.isScalar(value)) {
                custom.put(name, value);
            }
        });
        return custom;
    }

    /** An identify's traits: the person, and the company they work for. */
    static Map<String, Object> ofPerson(Fields traits) {
        Map<String, Object> profile = new LinkedHashMap<>();
        put(profile, "firstName", traits.has("firstName") ? traits.text("firstName") : traits.text("first_name"));
        put(profile, "lastName", traits.has("lastName") ? traits.text("lastName") : traits.text("last_name"));
        put(profile, "phone", traits.text("phone"));
        put(profile, "title", traits.text("title"));
        JsonNode company = traits.raw("company");
        Fields companyTraits = company != null && company.isObject() ? traits.fields("company") : Fields.none();
        put(profile, "company", company != null && company.isObject() ? companyTraits.text("name")
                : traits.text("company"));
        put(profile, "industry", traits.has("industry") ? traits.text("industry") : companyTraits.text("industry"));
        Long employees = traits.has("employees") ? traits.wholeNumber("employees")
                : companyTraits.wholeNumber("employee_count");
        put(profile, "companySize", size(employees));
        put(profile, "country", country(traits));
        Fields consent = traits.fields("consent");
        Map<String, Object> given = new LinkedHashMap<>();
        put(given, "email", consent.flag("email"));
        put(given, "sms", consent.flag("sms"));
        if (!given.isEmpty()) {
            profile.put("consent", given);
        }
        return profile;
    }

    /** A group's traits: the company's, which feed the fit score. */
    static Map<String, Object> ofCompany(Fields traits) {
        Map<String, Object> profile = new LinkedHashMap<>();
        put(profile, "company", traits.text("name"));
        put(profile, "industry", traits.text("industry"));
        Long employees = traits.wholeNumber("employees");
        put(profile, "companySize", size(employees));
        put(profile, "revenue", traits.has("annual_revenue") ? traits.wholeNumber("annual_revenue")
                : traits.wholeNumber("revenue"));
        put(profile, "country", country(traits));
        put(profile, "plan", traits.text("plan"));
        put(profile, "website", traits.text("website"));
        return profile;
    }

    private static Integer size(Long employees) {
        return employees == null ? null : (int) Math.min(employees, Integer.MAX_VALUE);
    }

    private static String country(Fields traits) {
        String country = traits.has("country") ? traits.text("country") : traits.fields("address").text("country");
        return country != null && country.matches("[A-Za-z]{2}") ? country : null;
    }

    private static void put(Map<String, Object> profile, String name, Object value) {
        if (value != null) {
            profile.put(name, value);
        }
    }
}
