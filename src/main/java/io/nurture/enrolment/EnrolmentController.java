package io.nurture.enrolment;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.nurture.security.ApiAuthenticationFilter;

/** Enrolling a segment or a list in a campaign, and following its progress (see {@link AudienceEnrolments}). */
@RestController
class EnrolmentController {

    private final AudienceEnrolments enrolments;

    EnrolmentController(AudienceEnrolments enrolments) {
        this.enrolments = enrolments;
    }

    @PostMapping(path = "/api/campaigns/{key}/enrolments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Enrolment enrol(@PathVariable String key, @RequestBody EnrolmentRequest request,
            @RequestAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) String user) {
        return enrolments.enrol(key, request, user);
    }

    @GetMapping("/api/campaigns/{key}/enrolments")
    List<Enrolment> ofCampaign(@PathVariable String key) {
        return enrolments.ofCampaign(key);
    }

    @GetMapping("/api/campaigns/enrolments/{id}")
    Enrolment progress(@PathVariable String id) {
        return enrolments.get(id);
    }
}
