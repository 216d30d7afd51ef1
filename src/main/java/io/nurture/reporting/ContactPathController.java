package io.nurture.reporting;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON behind the paths drawn on a contact's dashboard page. Under {@code /dashboard}, so it has the contact
 * page's access: the dashboard's session login and groups ({@link DashboardAccessFilter}), not the API's.
 */
@RestController
class ContactPathController {

    private final ContactPathQuery paths;

    ContactPathController(ContactPathQuery paths) {
        this.paths = paths;
    }

    @GetMapping(path = "/dashboard/contacts/{id}/path", produces = MediaType.APPLICATION_JSON_VALUE)
    ContactPath path(@PathVariable String id) {
        return paths.of(id);
    }
}
