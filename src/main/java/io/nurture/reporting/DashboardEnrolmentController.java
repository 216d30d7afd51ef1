package io.nurture.reporting;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import jakarta.servlet.http.HttpServletRequest;

import io.nurture.enrolment.AudienceEnrolments;
import io.nurture.enrolment.Enrolment;
import io.nurture.enrolment.EnrolmentRequest;
import io.nurture.web.RefuseUnknownFields;

/**
 * "Enrol in a campaign" on a segment's or a list's dashboard page, with the enrolment's progress. For the groups that may enrol
 * over the API; the write carries the page's session token.
 */
@Controller
class DashboardEnrolmentController {

    private final AudienceEnrolments enrolments;
    private final DashboardWrites writes = new DashboardWrites("nurture.dashboard.enrolmentToken",
            "Enrolling an audience is");

    DashboardEnrolmentController(AudienceEnrolments enrolments) {
        this.enrolments = enrolments;
    }

    /** What a segment's or a list's page needs to offer the enrolment, when its user may make one. */
    void offer(HttpServletRequest request, Model model) {
        boolean may = DashboardWrites.allowed(request, "POST", "/api/campaigns/{key}/enrolments");
        model.addAttribute("mayEnrol", may);
        if (may) {
            model.addAttribute("enrollableCampaigns", enrolments.enrollableCampaigns());
            model.addAttribute("enrolmentToken", writes.token(request.getSession()));
        }
    }

    @PostMapping(path = "/dashboard/segments/{id}/enrolments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @ResponseStatus(HttpStatus.ACCEPTED)
    Enrolment enrol(@PathVariable String id, @RequestBody CampaignChoice choice,
            @RequestHeader(name = DashboardWrites.TOKEN_HEADER, defaultValue = "") String token,
            @RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user, HttpServletRequest request) {
        return enrolFrom(new EnrolmentRequest(id, null, null), choice, token, user, request);
    }

    @PostMapping(path = "/dashboard/lists/{id}/enrolments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @ResponseStatus(HttpStatus.ACCEPTED)
    Enrolment enrolList(@PathVariable String id, @RequestBody CampaignChoice choice,
            @RequestHeader(name = DashboardWrites.TOKEN_HEADER, defaultValue = "") String token,
            @RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user, HttpServletRequest request) {
        return enrolFrom(new EnrolmentRequest(null, id, null), choice, token, user, request);
    }

    /** A segment's or a list's members enrolled, as the API would for the same user. */
    private Enrolment enrolFrom(EnrolmentRequest audience, CampaignChoice choice, String token, String user,
            HttpServletRequest request) {
        writes.mayWrite(request, token, "POST", "/api/campaigns/{key}/enrolments");
        return enrolments.enrol(choice.campaign(), audience, user);
    }

    @GetMapping("/dashboard/enrolments/{id}")
    @ResponseBody
    Enrolment progress(@PathVariable String id, HttpServletRequest request) {
        writes.mayDo(request, "GET", "/api/campaigns/enrolments/{id}");
        return enrolments.get(id);
    }

    @RefuseUnknownFields
    record CampaignChoice(String campaign) {
    }
}
