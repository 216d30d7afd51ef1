package io.nurture.handoff;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;
import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.LifecycleService;
import io.nurture.lifecycle.StageRole;
import io.nurture.process.ContactProcesses;
import io.nurture.process.ProcessVariables;

/** Closes the deal of an opportunity: won makes a customer, lost recycles the contact to nurture. */
@Service
class DealService {

    static final String DEAL_CLOSED_MESSAGE = "DealClosed";

    private final ContactRepository contacts;
    private final LifecycleService lifecycle;
    private final ContactProcesses processes;
    private final Deals deals;
    private final Funnel funnel;

    DealService(ContactRepository contacts, LifecycleService lifecycle, ContactProcesses processes, Deals deals,
            Funnel funnel) {
        this.contacts = contacts;
        this.lifecycle = lifecycle;
        this.processes = processes;
        this.deals = deals;
        this.funnel = funnel;
    }

    @Transactional
    void close(String contactId, boolean won, BigDecimal amount, String actor) {
        Contact contact = contacts.lockById(contactId);
        if (!funnel.plays(contact.lifecycleStage(), StageRole.OPPORTUNITY)) {
            throw new DealNotAllowedException("Contact " + contactId + " is " + contact.lifecycleStage()
                    + "; only an " + funnel.stageOf(StageRole.OPPORTUNITY).map(Object::toString)
                            .orElse("opportunity") + " can have its deal closed");
        }
        deals.record(contactId, won, amount, actor);
        boolean handedOff = processes.correlate(DEAL_CLOSED_MESSAGE, contactId, Map.of(
                ProcessVariables.DEAL_STATUS, won ? "won" : "lost",
                ProcessVariables.DEAL_AMOUNT, amount.doubleValue(),
                ProcessVariables.LAST_ACTOR, actor));
        if (!handedOff) {
            // no hand-off waits for this deal (e.g. the opportunity was created by hand): move it ourselves
            if (won) {
                lifecycle.moveTo(contactId, funnel.require(StageRole.CUSTOMER), "Deal won", actor);
            } else {
                lifecycle.recycle(contactId, "Deal lost", actor);
            }
        }
    }
}
