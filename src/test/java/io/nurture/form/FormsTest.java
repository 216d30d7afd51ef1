package io.nurture.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import io.nurture.event.EventType;
import io.nurture.event.EventTypes;

/** The start-up check of {@code nurture.forms.<form>.*}: defaults, and a clear message for each mistake. */
class FormsTest {

    private final EventTypes types = mock(EventTypes.class);

    FormsTest() {
        when(types.resolve(any())).thenAnswer(call -> EventType.normalise(call.getArgument(0)));
    }

    @Test
    void aFormWithOnlyItsFieldsGetsTheDefaults() {
        Form form = forms(Map.of("nurture.forms.contact.fields", "email,firstName,message")).named("contact")
                .orElseThrow();

        assertThat(form.fields()).containsExactly("email", "firstName", "message");
        assertThat(form.required()).containsExactly("email");
        assertThat(form.honeypot()).isEqualTo("website_url");
        assertThat(form.eventType()).isEqualTo(EventType.FORM_SUBMITTED);
        assertThat(form.source()).isEqualTo("contact");
        assertThat(form.actor()).isEqualTo("form:contact");
        assertThat(form.redirect()).isNull();
        assertThat(form.consentField()).isNull();
        assertThat(form.allowsOrigin("https://www.example.com")).as("no origins listed: no browser").isFalse();
    }

    @Test
    void everySettingIsRead() {
        Form form = forms(Map.of("nurture.forms.webinar.fields", "email,company",
                "nurture.forms.webinar.required", "email,company",
                "nurture.forms.webinar.consent-field", "ok",
                "nurture.forms.webinar.consent-text", "Mail me",
                "nurture.forms.webinar.redirect", "https://www.example.com/thanks",
                "nurture.forms.webinar.allowed-origins", "https://www.example.com,https://*.example.org",
                "nurture.forms.webinar.event-type", "Webinar Registered",
                "nurture.forms.webinar.source", "webinar-page",
                "nurture.forms.webinar.honeypot", "fax")).named("webinar").orElseThrow();

        assertThat(form.required()).containsExactly("email", "company");
        assertThat(form.redirect()).isEqualTo(URI.create("https://www.example.com/thanks"));
        assertThat(form.eventType()).isEqualTo(EventType.WEBINAR_REGISTERED);
        assertThat(form.allowsOrigin("https://www.example.com")).isTrue();
        assertThat(form.allowsOrigin("https://events.example.org")).isTrue();
        assertThat(form.allowsOrigin("https://example.org.evil.example")).isFalse();
        assertThat(form.accepts("fax")).isTrue();
        assertThat(form.accepts("ok")).isTrue();
        assertThat(form.accepts("other")).isFalse();
    }

    @Test
    void mistakesStopTheStartWithTheSettingNamed() {
        Map<Map<String, Object>, String> mistakes = Map.ofEntries(
                Map.entry(Map.of("nurture.forms.a.fields", "firstName"), "nurture.forms.a.fields must list email"),
                Map.entry(Map.of("nurture.forms.a.fields", "email", "nurture.forms.a.required", "phone"),
                        "nurture.forms.a.required: 'phone' is not one of the form's fields"),
                Map.entry(Map.of("nurture.forms.a.fields", "email,source"),
                        "nurture.forms.a.fields: 'source' is set by Nurture itself"),
                Map.entry(Map.of("nurture.forms.a.fields", "email,first name"),
                        "nurture.forms.a.fields: 'first name' is not a field name"),
                Map.entry(Map.of("nurture.forms.a.fields", "email,website_url"),
                        "nurture.forms.a.honeypot: 'website_url' must not also be one of the fields"),
                Map.entry(Map.of("nurture.forms.a.fields", "email", "nurture.forms.a.consent-field", "ok"),
                        "nurture.forms.a: consent-field and consent-text go together"),
                Map.entry(Map.of("nurture.forms.a.fields", "email", "nurture.forms.a.redirect", "/thanks"),
                        "nurture.forms.a.redirect: '/thanks' must be an absolute http(s) URL"),
                Map.entry(Map.of("nurture.forms.a.fields", "email", "nurture.forms.a.redirect",
                        "javascript:alert(1)"), "nurture.forms.a.redirect: 'javascript:alert(1)' must be"),
                Map.entry(Map.of("nurture.forms.a.fields", "email", "nurture.forms.a.allowed-origins",
                        "https://www.example.com/"), "nurture.forms.a.allowed-origins: 'https://www.example.com/'"),
                Map.entry(Map.of("nurture.forms.a.fields", "email", "nurture.forms.a.allowed-origins", "*"),
                        "nurture.forms.a.allowed-origins: '*' is not an origin"),
                Map.entry(Map.of("nurture.forms.a.fields", "email", "nurture.forms.a.event-type", "9 lives"),
                        "nurture.forms.a.event-type: '9 lives' is not an event type"),
                Map.entry(Map.of("nurture.forms.Bad Name.fields", "email"), "a form name is 1 to 40"));
        mistakes.forEach((settings, message) -> assertThatThrownBy(() -> forms(settings))
                .as(message).isInstanceOf(IllegalStateException.class).hasMessageContaining(message));
    }

    @Test
    void noFormsConfiguredIsNoForm() {
        assertThat(forms(Map.of()).named("newsletter")).isEmpty();
    }

    private Forms forms(Map<String, Object> settings) {
        MockEnvironment environment = new MockEnvironment();
        settings.forEach((key, value) -> environment.setProperty(key, String.valueOf(value)));
        return new Forms(environment, types);
    }

}
