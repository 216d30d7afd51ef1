package io.nurture.process;

import java.util.Map;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The variables a contact's instance starts with: always {@code contactId} (the business key as well), plus what the
 * starter adds. Texts a task name, form or mail template shows are "" rather than null when the contact has none.
 */
public final class StartVariables {

    private final String contactId;
    private final VariableMap values = Variables.createVariables();

    private StartVariables(String contactId) {
        this.contactId = contactId;
    }

    public static StartVariables forContact(String contactId) {
        return new StartVariables(contactId);
    }

    /** What a user task's name and form show: {@code contactName}, {@code contactLabel}, {@code company}. */
    public StartVariables card(String fullName, String label, String company) {
        return put(ProcessVariables.CONTACT_NAME, fullName).put(ProcessVariables.CONTACT_LABEL, label)
                .text(ProcessVariables.COMPANY, company);
    }

    /** {@code firstName}, which the mail templates greet with. */
    public StartVariables firstName(String firstName) {
        return text(ProcessVariables.FIRST_NAME, firstName);
    }

    public StartVariables text(String name, String value) {
        return put(name, value == null ? "" : value);
    }

    public StartVariables put(String name, Object value) {
        values.putValue(name, value);
        return this;
    }

    /** The starter's own variables; they win over what was put before, but never over {@code contactId}. */
    public StartVariables putAll(Map<String, ?> variables) {
        variables.forEach(this::put);
        return this;
    }

    String contactId() {
        return contactId;
    }

    VariableMap asVariables() {
        VariableMap start = Variables.createVariables();
        start.putAll(values);
        return start.putValue(ProcessVariables.CONTACT_ID, contactId);
    }
}
