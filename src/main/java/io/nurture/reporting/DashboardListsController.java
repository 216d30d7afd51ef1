package io.nurture.reporting;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import io.nurture.lists.ContactLists;
import io.nurture.lists.ContactLists.MembersPage;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The static lists on the dashboard: every list with its size, and a list's members page by page with "Enrol in a
 * campaign" (the segment page's, {@link DashboardEnrolmentController}). For the groups that may read lists over the
 * API.
 */
@Controller
class DashboardListsController {

    static final int PAGE_SIZE = 50;

    private final ContactLists lists;
    private final DashboardEnrolmentController enrolments;
    private final DashboardWrites writes = new DashboardWrites("nurture.dashboard.listsToken", "Lists are");

    DashboardListsController(ContactLists lists, DashboardEnrolmentController enrolments) {
        this.lists = lists;
        this.enrolments = enrolments;
    }

    @GetMapping("/dashboard/lists")
    String all(@RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user, HttpServletRequest request,
            Model model) {
        writes.mayDo(request, "GET", "/api/lists");
        model.addAttribute("user", user);
        model.addAttribute("lists", lists.all());
        return "dashboard-lists";
    }

    @GetMapping("/dashboard/lists/{id}")
    String one(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user, HttpServletRequest request,
            Model model) {
        writes.mayDo(request, "GET", "/api/lists/{id}/members");
        model.addAttribute("user", user);
        model.addAttribute("list", lists.get(id));
        MembersPage members = lists.members(id, page, PAGE_SIZE);
        model.addAttribute("members", members);
        model.addAttribute("lastPage", Math.max(0, (members.total() - 1) / PAGE_SIZE));
        enrolments.offer(request, model);
        return "dashboard-list";
    }
}
