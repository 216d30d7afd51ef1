package io.nurture.suspension;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.nurture.security.ApiAuthenticationFilter;

/** A campaign's suspension over HTTP: POST suspends, DELETE resumes, GET tells the state and what is held. */
@RestController
class SuspensionController {

    private final CampaignSuspensions suspensions;

    SuspensionController(CampaignSuspensions suspensions) {
        this.suspensions = suspensions;
    }

    @GetMapping("/api/campaigns/{key}/suspension")
    SuspensionState state(@PathVariable String key) {
        return suspensions.state(key);
    }

    @PostMapping("/api/campaigns/{key}/suspension")
    SuspensionState suspend(@PathVariable String key, @RequestBody(required = false) SuspensionRequest request,
            @RequestAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) String user) {
        return suspensions.suspend(key, user, request == null ? null : request.reason());
    }

    @DeleteMapping("/api/campaigns/{key}/suspension")
    SuspensionState resume(@PathVariable String key,
            @RequestAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) String user) {
        return suspensions.resume(key, user);
    }
}
