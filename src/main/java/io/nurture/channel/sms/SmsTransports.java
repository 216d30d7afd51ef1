package io.nurture.channel.sms;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Which {@link SmsTransport} this configuration uses: exactly one of the three conditions matches. */
final class SmsTransports {

    static final String BASE_URL = "nurture.channels.sms.base-url";
    static final String OUTBOX_ENABLED = "nurture.channels.sms.outbox.enabled";

    private SmsTransports() {
    }

    static boolean providerConfigured(Environment environment) {
        return StringUtils.hasText(environment.getProperty(BASE_URL));
    }

    static boolean outboxAllowed(Environment environment) {
        return environment.getProperty(OUTBOX_ENABLED, Boolean.class, true);
    }

    /** {@code nurture.channels.sms.base-url} is set: the HTTP provider. */
    static class ProviderConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return providerConfigured(context.getEnvironment());
        }
    }

    /** No provider, and the outbox is allowed (the default profile): the built-in outbox. */
    static class OutboxInUse implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !providerConfigured(context.getEnvironment()) && outboxAllowed(context.getEnvironment());
        }
    }

    /** No provider and no outbox (the prod profile): SMS steps fail into incidents. */
    static class NoTransport implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !providerConfigured(context.getEnvironment()) && !outboxAllowed(context.getEnvironment());
        }
    }
}
