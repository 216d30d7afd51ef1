package io.nurture.lists;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.nurture.lists.ContactLists.Added;
import io.nurture.lists.ContactLists.MembersPage;
import io.nurture.security.ApiAuthenticationFilter;

/** Static lists for marketers (security.ApiAccessRules). */
@RestController
class ListController {

    private final ContactLists lists;

    ListController(ContactLists lists) {
        this.lists = lists;
    }

    @PostMapping("/api/lists")
    ResponseEntity<ContactList> create(@RequestBody ListRequest request,
            @RequestAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) String user) {
        ContactList created = lists.create(request.name(), user);
        return ResponseEntity.created(URI.create("/api/lists/" + created.id())).body(created);
    }

    @GetMapping("/api/lists")
    List<ContactList> all() {
        return lists.all();
    }

    @GetMapping("/api/lists/{id}")
    ContactList get(@PathVariable String id) {
        return lists.get(id);
    }

    @DeleteMapping("/api/lists/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        lists.delete(id);
    }

    @GetMapping("/api/lists/{id}/members")
    MembersPage members(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return lists.members(id, page, size);
    }

    @PostMapping("/api/lists/{id}/members")
    Added add(@PathVariable String id, @RequestBody MembersRequest request,
            @RequestAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) String user) {
        return lists.add(id, request, user);
    }

    @DeleteMapping("/api/lists/{id}/members/{contactId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String id, @PathVariable String contactId) {
        lists.remove(id, contactId);
    }

    @GetMapping("/api/contacts/{id}/lists")
    List<ContactList> listsOf(@PathVariable String id) {
        return lists.listsOf(id);
    }
}
