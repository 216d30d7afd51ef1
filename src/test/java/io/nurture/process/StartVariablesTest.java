package io.nurture.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a contact's instance starts with, whoever starts it. */
class StartVariablesTest {

    @Test
    void theContactIdIsTheBusinessKeyAndNoStarterOverridesIt() {
        StartVariables start = StartVariables.forContact("c-1").putAll(Map.of(ProcessVariables.CONTACT_ID, "c-2"));

        assertThat(start.contactId()).isEqualTo("c-1");
        assertThat(start.asVariables()).containsEntry(ProcessVariables.CONTACT_ID, "c-1");
    }

    @Test
    void aStartersOwnVariablesWinOverTheContactsDefaults() {
        StartVariables start = StartVariables.forContact("c-1").firstName("Ada")
                .putAll(Map.of(ProcessVariables.FIRST_NAME, "Countess"));

        assertThat(start.asVariables()).containsEntry(ProcessVariables.FIRST_NAME, "Countess");
    }

    @Test
    void missingTextsAreEmptySoTaskNamesFormsAndMailsShowNothingRatherThanNull() {
        StartVariables start = StartVariables.forContact("c-1").card("Ada Lovelace", "Ada Lovelace", null)
                .firstName(null);

        assertThat(start.asVariables()).containsExactlyInAnyOrderEntriesOf(Map.of(ProcessVariables.CONTACT_ID, "c-1",
                ProcessVariables.CONTACT_NAME, "Ada Lovelace", ProcessVariables.CONTACT_LABEL, "Ada Lovelace",
                ProcessVariables.COMPANY, "", ProcessVariables.FIRST_NAME, ""));
    }
}
