package io.nurture.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.nurture.event.EventType;

/** What a fill becomes before it is ingested: the profile, the consent, the page. */
class FormFillTest {

    private final Form form = new Form("signup", new LinkedHashSet<>(List.of("email", "firstName", "companySize",
            "message")), Set.of("email"), "ok", "Mail me", null, List.of(), EventType.FORM_SUBMITTED, "signup-page",
            "website_url");

    @Test
    void aFillIsAnEventWithTheProfileTheConsentAndThePage() {
        FormFill fill = FormFill.read(form, values("email", " ada@example.com ", "firstName", "Ada",
                "companySize", "250", "message", "Hi\r\nthere", "ok", "on", "website_url", ""),
                "https://www.example.com/webinar/spring?utm_source=x");

        assertThat(fill.spam()).isFalse();
        assertThat(fill.event().email()).isEqualTo("ada@example.com");
        assertThat(fill.event().type()).isEqualTo(EventType.FORM_SUBMITTED);
        assertThat(fill.event().profile().firstName()).isEqualTo("Ada");
        assertThat(fill.event().profile().companySize()).isEqualTo(250);
        assertThat(fill.event().profile().source()).isEqualTo("signup-page");
        assertThat(fill.event().profile().consentEmail()).isTrue();
        assertThat(fill.event().properties()).containsEntry("consentText", "Mail me").containsEntry("form", "signup")
                .containsEntry("message", "Hi\r\nthere").containsEntry("page", "/webinar/spring")
                .containsEntry("url", "https://www.example.com/webinar/spring?utm_source=x")
                .doesNotContainKey("website_url").doesNotContainKey("ok");
    }

    @Test
    void anUntickedBoxGivesNoConsentAndAnOddRefererNoPage() {
        for (Object unticked : List.of("off", "false", false)) {
            FormFill fill = FormFill.read(form, values("email", "ada@example.com", "ok", unticked), "javascript:x");
            assertThat(fill.event().profile().consentEmail()).as(String.valueOf(unticked)).isNull();
            assertThat(fill.event().properties()).doesNotContainKeys("consentText", "page", "url");
        }
    }

    @Test
    void aFilledHoneypotIsSpamWhateverElseIsWrong() {
        assertThat(FormFill.read(form, values("website_url", "http://spam.example", "nonsense", "x"), null).spam())
                .isTrue();
    }

    private static Map<String, List<Object>> values(Object... namesAndValues) {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return values;
    }
}
