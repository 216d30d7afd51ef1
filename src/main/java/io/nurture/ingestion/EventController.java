package io.nurture.ingestion;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

import io.nurture.event.EventType;
import io.nurture.ingestion.EventIngestionService.IncomingEvent;
import io.nurture.security.ApiAuthenticationFilter;
import io.nurture.web.InvalidInputException;

@RestController
class EventController {

    private final EventIngestionService ingestion;

    EventController(EventIngestionService ingestion) {
        this.ingestion = ingestion;
    }

    @PostMapping("/api/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    IngestionResult post(@Valid @RequestBody EventRequest request,
            @RequestAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) String user) {
        return ingestion.ingest(toIncoming(request), user);
    }

    private static IncomingEvent toIncoming(EventRequest request) {
        EventType type = EventType.fromWireName(request.type()).orElseThrow(() -> new InvalidInputException(
                "Unknown event type '" + request.type() + "'; known types: " + EventType.allWireNames()));
        if (!request.hasIdentity()) {
            throw new InvalidInputException("An event needs an 'email', an 'anonymousId' or a 'contactId'");
        }
        return new IncomingEvent(blankToNull(request.eventId()), type, blankToNull(request.email()),
                blankToNull(request.anonymousId()), blankToNull(request.contactId()),
                request.occurredAt() == null ? Instant.now() : request.occurredAt(),
                ProfileParser.parse(request.properties()), request.properties());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
