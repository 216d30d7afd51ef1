package io.nurture.channel.sms;

import java.util.List;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The built-in SMS outbox as JSON, newest first (admins only, like the mail inbox). */
@RestController
@Conditional(SmsTransports.OutboxInUse.class)
class SmsOutboxController {

    private final SmsOutbox outbox;

    SmsOutboxController(SmsOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping(path = "/api/inbox/sms", produces = "application/json")
    List<SmsMessage> list() {
        return outbox.list();
    }
}
