package io.nurture.process;

import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the engine's history events (the Camunda starter publishes them as Spring events) into
 * {@link ContactProcessChanged}: only a top-level instance's start and end, and only one with a business key.
 */
@Component
class ContactProcessEvents {

    private final ApplicationEventPublisher events;

    ContactProcessEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(HistoricProcessInstanceEventEntity instance) {
        if (instance.getBusinessKey() == null || instance.getSuperProcessInstanceId() != null) {
            return;
        }
        boolean started = instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START);
        boolean ended = instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END);
        if (started || ended) {
            events.publishEvent(new ContactProcessChanged(instance.getBusinessKey(),
                    instance.getProcessDefinitionKey(), ended));
        }
    }
}
