package io.nurture.reporting;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.nurture.audience.PreviewRequest;
import io.nurture.audience.SegmentRequest;
import io.nurture.audience.SegmentViews.Preview;
import io.nurture.audience.SegmentViews.SegmentView;
import io.nurture.audience.Segments;
import io.nurture.lists.ContactLists;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The segments on the dashboard: the list with a rule builder whose count follows each change (the API's preview),
 * and a segment's members and size over time, where it can be deleted. For the groups that may do the same over the API; the page's writes
 * carry the session's token, as the campaign versions page's do.
 */
@Controller
class DashboardSegmentsController {

    private final Segments segments;
    private final ContactLists lists;
    private final DashboardEnrolmentController enrolments;
    private final DashboardWrites writes = new DashboardWrites("nurture.dashboard.segmentsToken", "Segments are");

    DashboardSegmentsController(Segments segments, ContactLists lists, DashboardEnrolmentController enrolments) {
        this.segments = segments;
        this.lists = lists;
        this.enrolments = enrolments;
    }

    @GetMapping("/dashboard/segments")
    String list(@RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user, HttpServletRequest request,
            Model model) {
        writes.mayDo(request, "GET", "/api/segments");
        model.addAttribute("user", user);
        model.addAttribute("segments", segments.all());
        boolean mayBuild = DashboardWrites.allowed(request, "POST", "/api/segments");
        model.addAttribute("mayBuild", mayBuild);
        // the builder's "is in list" picks one of them; whoever may build segments may read the lists
        model.addAttribute("lists", mayBuild ? lists.all() : List.of());
        model.addAttribute("token", writes.token(request.getSession()));
        return "dashboard-segments";
    }

    @GetMapping("/dashboard/segments/{id}")
    String one(@PathVariable String id, @RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user,
            HttpServletRequest request, Model model) {
        writes.mayDo(request, "GET", "/api/segments/{id}/members");
        model.addAttribute("user", user);
        model.addAttribute("segment", segments.find(id));
        model.addAttribute("members", segments.members(id, 0, 100));
        model.addAttribute("sizes", segments.sizes(id, 30).sizes());
        model.addAttribute("mayDelete", DashboardWrites.allowed(request, "DELETE", "/api/segments/{id}"));
        model.addAttribute("token", writes.token(request.getSession()));
        enrolments.offer(request, model);
        return "dashboard-segment";
    }

    @PostMapping("/dashboard/segments/preview")
    @ResponseBody
    Preview preview(@RequestBody PreviewRequest preview,
            @RequestHeader(name = DashboardWrites.TOKEN_HEADER, defaultValue = "") String token,
            HttpServletRequest request) {
        writes.mayWrite(request, token, "POST", "/api/segments/preview");
        return segments.preview(preview);
    }

    @DeleteMapping("/dashboard/segments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id,
            @RequestHeader(name = DashboardWrites.TOKEN_HEADER, defaultValue = "") String token,
            HttpServletRequest request) {
        writes.mayWrite(request, token, "DELETE", "/api/segments/{id}");
        segments.delete(id);
    }

    @PostMapping("/dashboard/segments")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    SegmentView create(@RequestBody SegmentRequest segment,
            @RequestHeader(name = DashboardWrites.TOKEN_HEADER, defaultValue = "") String token,
            HttpServletRequest request) {
        writes.mayWrite(request, token, "POST", "/api/segments");
        return segments.create(segment);
    }
}
