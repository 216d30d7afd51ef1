package io.nurture.ingestion;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

import io.nurture.contact.PropertyValues;
import io.nurture.event.EventType;
import io.nurture.event.EventTypes;
import io.nurture.ingestion.EventIngestionService.IncomingEvent;
import io.nurture.security.ApiAuthenticationFilter;
import io.nurture.web.InvalidInputException;

@RestController
class EventController {

    private final EventIngestionService ingestion;
    private final EventTypes types;

    EventController(EventIngestionService ingestion, EventTypes types) {
        this.ingestion = ingestion;
        this.types = types;
    }

    @PostMapping("/api/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    IngestionResult post(@Valid @RequestBody EventRequest request,
            @RequestAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) String user) {
        return ingestion.ingest(toIncoming(request), user);
    }

    private IncomingEvent toIncoming(EventRequest request) {
        EventType type = types.resolve(request.type()).orElseThrow(() -> new InvalidInputException(
                "type '" + request.type() + "' is not an event type: a name of letters, digits, spaces or _ that starts"
                        + " with a letter, at most " + EventType.MAX_LENGTH + " characters once written in lower"
                        + " snake case (e.g. trial_started)"));
        if (!request.hasIdentity()) {
            throw new InvalidInputException("An event needs an 'email', an 'anonymousId', a 'userId' or a 'contactId'");
        }
        return new IncomingEvent(blankToNull(request.eventId()), type, blankToNull(request.email()),
                blankToNull(request.anonymousId()), blankToNull(request.userId()), blankToNull(request.contactId()),
                request.occurredAt() == null ? Instant.now() : request.occurredAt(),
                ProfileParser.parse(request.properties()), request.properties(),
                PropertyValues.of("contactProperties", request.contactProperties()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
