package io.nurture.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Which way an SMS leaves with the shipped files: the outbox by default, a provider once set, in prod never unseen. */
class SmsTransportsTest {

    private static final Map<String, Object> PROVIDER = Map.of(SmsTransports.BASE_URL, "http://127.0.0.1:1/sms");

    @Test
    void theDefaultProfileUsesTheBuiltInOutbox() throws IOException {
        runner(Map.of(), "application.yaml").run(context -> assertThat(context).getBean(SmsTransport.class)
                .isInstanceOf(SmsOutbox.class));
    }

    @Test
    void aConfiguredProviderIsUsedInEveryProfile() throws IOException {
        runner(PROVIDER, "application.yaml")
                .run(context -> assertThat(context).getBean(SmsTransport.class).isInstanceOf(SmsProvider.class));
        runner(PROVIDER, "application.yaml", "application-prod.yaml")
                .run(context -> assertThat(context).getBean(SmsTransport.class).isInstanceOf(SmsProvider.class));
    }

    @Test
    void prodWithoutAProviderFailsEverySmsWithTheSettingToSet() throws IOException {
        runner(Map.of(), "application.yaml", "application-prod.yaml").run(context -> {
            assertThat(context).doesNotHaveBean(SmsOutbox.class);
            SmsTransport transport = context.getBean(SmsTransport.class);
            assertThatThrownBy(() -> transport.deliver(new SmsMessage("d-1", "c-1", "Nurture", "+4915100000000",
                    "Hi", Instant.now()))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("nurture.channels.sms.base-url");
        });
    }

    /** The transports alone, on the shipped files layered as Spring Boot layers them (a later one wins). */
    private static ApplicationContextRunner runner(Map<String, Object> set, String... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        for (String file : files) {
            loader.load(file, new ClassPathResource(file)).forEach(environment.getPropertySources()::addFirst);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("set", set));
        return new ApplicationContextRunner(() -> {
            AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
            context.setEnvironment(environment);
            context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
            return context;
        }).withUserConfiguration(SmsProvider.class, SmsOutbox.class, NoSmsProvider.class);
    }
}
