package io.nurture.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.nurture.event.EventType;
import io.nurture.event.EventTypes;

/**
 * The demo form application.yaml ships, as Spring Boot reads the files for a profile (an empty context: only the
 * configuration is loaded): there by default, for the README's snippet, and absent in prod.
 */
class ShippedFormsTest {

    @Test
    void theDefaultProfileHasTheNewsletterForm() {
        Form newsletter = formsWith().named("newsletter").orElseThrow();

        assertThat(newsletter.fields()).containsExactly("email", "firstName");
        assertThat(newsletter.consentField()).isEqualTo("consent");
        assertThat(newsletter.eventType()).isEqualTo(EventType.NEWSLETTER_SUBSCRIBED);
        assertThat(newsletter.allowsOrigin("http://localhost:8080")).isTrue();
        assertThat(newsletter.allowsOrigin("http://localhost:3000")).isFalse();
    }

    @Test
    void theProdProfileHasNoDemoForm() {
        assertThat(formsWith("prod").named("newsletter")).isEmpty();
    }

    private static Forms formsWith(String... profiles) {
        EventTypes types = mock(EventTypes.class);
        when(types.resolve(any())).thenAnswer(call -> EventType.normalise(call.getArgument(0)));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE).profiles(profiles).logStartupInfo(false).run()) {
            return new Forms(context.getEnvironment(), types);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
