package io.nurture.handoff;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.nurture.security.ApiAuthenticationFilter;
import jakarta.validation.Valid;

@RestController
class DealController {

    private final DealService deals;

    DealController(DealService deals) {
        this.deals = deals;
    }

    /** Accepted: the hand-off process moves the contact to CUSTOMER (or back to LEAD) in its next step. */
    @PostMapping("/api/contacts/{id}/deal")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void close(@PathVariable String id, @Valid @RequestBody DealRequest deal,
            @RequestAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) String user) {
        deals.close(id, "won".equals(deal.status()), deal.amount(), user);
    }
}
