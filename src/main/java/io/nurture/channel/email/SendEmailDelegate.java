package io.nurture.channel.email;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.channel.DeliveryLog;
import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;

/**
 * "Send e-mail" in Modeler: inputs {@code template} and {@code subject}, recipient = the contact in the business key.
 * Runs in its own async job; the delivery log makes a retried job skip a send that already went out.
 */
@Component("sendEmail")
class SendEmailDelegate implements JavaDelegate {

    static final String CHANNEL = "email";

    private final ContactRepository contacts;
    private final DeliveryLog deliveries;
    private final EmailChannel email;

    SendEmailDelegate(ContactRepository contacts, DeliveryLog deliveries, EmailChannel email) {
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.email = email;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String template = (String) execution.getVariableLocal("template");
        String subject = (String) execution.getVariableLocal("subject");
        if (!email.hasTemplate(template)) {
            throw new IllegalArgumentException("No e-mail template '" + template + "' in templates/email/");
        }
        Optional<Contact> found = contacts.findById(execution.getBusinessKey());
        if (found.isEmpty()) {
            return; // erased in the meantime: nobody to write to
        }
        Contact contact = found.get();
        String key = idempotencyKey(execution);
        if (!contact.acceptsMarketingEmail()) {
            deliveries.skipped(key, contact.id(), CHANNEL, template, "no e-mail consent or suppressed");
            return;
        }
        Optional<String> messageId = deliveries.begin(key, contact.id(), CHANNEL, template, contact.email());
        if (messageId.isEmpty()) {
            return; // an earlier attempt of this job already sent it
        }
        try {
            email.send(contact.email(), subject, template, model(contact), messageId.get());
        } catch (RuntimeException e) {
            deliveries.failed(key, e.getMessage());
            throw e;
        }
        deliveries.sent(key, messageId.get());
    }

    /** One send per process instance, activity and loop round. */
    static String idempotencyKey(DelegateExecution execution) {
        Object loop = execution.getVariableLocal("loopCounter");
        return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + (loop == null ? "" : ":" + loop);
    }

    private static Map<String, Object> model(Contact contact) {
        return Map.of("firstName", contact.firstName() == null ? "" : contact.firstName(),
                "company", contact.company() == null ? "" : contact.company(),
                "email", contact.email());
    }
}
