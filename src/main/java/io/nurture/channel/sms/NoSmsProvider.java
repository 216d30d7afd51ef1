package io.nurture.channel.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Production without an SMS provider: an SMS step fails like an unreachable provider, so it ends as a Cockpit
 * incident naming the missing setting and is sent by "Retry" once a provider is configured. Nothing is recorded as
 * sent that nobody received.
 */
@Component
@Conditional(SmsTransports.NoTransport.class)
class NoSmsProvider implements SmsTransport {

    static final String MISSING = "No SMS provider is configured: set " + SmsTransports.BASE_URL
            + " (and nurture.channels.sms.api-key), then retry this job";

    private static final Logger log = LoggerFactory.getLogger(NoSmsProvider.class);

    NoSmsProvider() {
        log.warn("No SMS provider ({}) and the built-in SMS outbox is off ({}=false): SMS steps will end as "
                + "incidents until a provider is configured", SmsTransports.BASE_URL, SmsTransports.OUTBOX_ENABLED);
    }

    @Override
    public void deliver(SmsMessage message) {
        throw new IllegalStateException(MISSING);
    }
}
