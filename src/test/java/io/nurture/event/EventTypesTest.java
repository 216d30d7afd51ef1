package io.nurture.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTypesTest {

    private final EventTypes defaults = new EventTypes(new EventTypeProperties(null));

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({
            "Trial Started, trial_started",
            "trialStarted, trial_started",
            "TRIAL-STARTED, trial_started",
            "'  trial   started!  ', trial_started",
            "Webinar Attended, webinar_attended",
            "Demo Requested, demo_requested",
            "Order Completed, purchase",
            "Signed Up, form_submitted",
            "Email Bounced, email_bounced",
            "HTMLFormSent, html_form_sent",
            "page_view, page_view",
            "PAGE_VIEW, page_view",
            "step2Done, step2_done",
            "SAMPLE 1A2B, sample_1a2b",
            "Sample 1a2b, sample_1a2b"
    })
    void namesAreNormalisedAndSpecNamesMapped(String name, String wireName) {
        assertThat(defaults.resolve(name)).contains(new EventType(wireName));
    }

    @Test
    void builtInTypesAreTheConstantsAndCustomTypesAreNot() {
        assertThat(defaults.resolve("Demo Requested").orElseThrow().isBuiltIn()).isTrue();
        assertThat(defaults.resolve("Demo Requested")).containsSame(EventType.DEMO_REQUESTED);
        assertThat(defaults.resolve("Trial Started").orElseThrow().isBuiltIn()).isFalse();
        assertThat(EventType.builtIns()).contains(EventType.PAGE_VIEW, EventType.RESUBSCRIBED).hasSize(22);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({ "''", "' '", "--", "42", "1st visit", "é", "'日本語'", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
    void namesThatCannotBeATypeAreNone(String name) {
        assertThat(defaults.resolve(name)).isEmpty();
        assertThat(defaults.resolve(null)).isEmpty();
    }

    @Test
    void aliasesAreConfigurableAndCheckedAtStartUp() {
        EventTypes mine = new EventTypes(new EventTypeProperties(Map.of("trial_started", "Form Submitted",
                "order_completed", "order_completed")));
        assertThat(mine.resolve("Trial Started")).contains(EventType.FORM_SUBMITTED);
        assertThat(mine.resolve("Order Completed")).as("kept as its own type")
                .map(EventType::wireName).isEqualTo(Optional.of("order_completed"));

        assertThatThrownBy(() -> new EventTypes(new EventTypeProperties(Map.of("Trial Started", "purchase"))))
                .hasMessageContaining("'Trial Started' is not a lower snake case event name");
        assertThatThrownBy(() -> new EventTypes(new EventTypeProperties(Map.of("trial_started", "!!"))))
                .hasMessageContaining("nurture.events.aliases.trial_started: '!!' is not an event type");
    }

    @Test
    void aWireNameIsCheckedWhereverATypeIsMade() {
        assertThatThrownBy(() -> new EventType("Trial Started")).isInstanceOf(IllegalArgumentException.class);
        assertThat(EventType.fromWireName("trial__started")).isEmpty();
        assertThat(EventType.fromWireName("trial_started")).contains(new EventType("trial_started"));
    }
}
