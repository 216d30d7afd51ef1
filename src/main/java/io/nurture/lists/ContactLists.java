package io.nurture.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;
import io.nurture.web.InvalidInputException;

/**
 * Static lists: made by name, filled by contact id or e-mail (or by an import), emptied one contact at a time,
 * deleted when nothing names them.
 */
@Service
public class ContactLists {

    static final int MAX_NAME_LENGTH = 200;
    /** Contacts one request may add: more come by an import. */
    static final int MAX_MEMBERS_PER_REQUEST = 1_000;
    static final int MAX_PAGE_SIZE = 500;

    private final ListRepository lists;
    private final ContactRepository contacts;
    private final ApplicationEventPublisher events;
    /** Looked up when a list is deleted: a module naming lists (audience) uses this one too. */
    private final ObjectProvider<ListReferences> references;

    ContactLists(ListRepository lists, ContactRepository contacts, ApplicationEventPublisher events,
            ObjectProvider<ListReferences> references) {
        this.lists = lists;
        this.contacts = contacts;
        this.events = events;
        this.references = references;
    }

    @Transactional
    public ContactList create(String name, String createdBy) {
        String checked = checkedName(name);
        if (lists.nameTaken(checked)) {
            throw new ListNameTakenException(checked);
        }
        String id = UUID.randomUUID().toString();
        try {
            lists.create(id, checked, createdBy, Instant.now());
        } catch (DuplicateKeyException e) {
            throw new ListNameTakenException(checked); // made at the same moment by someone else
        }
        return get(id);
    }

    public ContactList get(String listId) {
        return lists.find(listId).orElseThrow(() -> new ListNotFoundException(listId));
    }

    /**
     * Fails with a 404 problem unless the list exists, and keeps it from being deleted until the transaction ends:
     * an import checks its target list before it starts.
     */
    public void requireExists(String listId) {
        if (!lists.lock(listId)) {
            throw new ListNotFoundException(listId);
        }
    }

    /** Whether the list exists (a segment's preview may name only one that does). */
    public boolean exists(String listId) {
        return lists.exists(listId);
    }

    /**
     * Whether the list exists, kept from being deleted until the transaction ends: a segment saved with a rule that
     * names it commits before a deletion looks for what names the list, or finds it gone.
     */
    public boolean holdIfExists(String listId) {
        return lists.lock(listId);
    }

    /**
     * Deletes the list and who is on it, unless something names it (a segment's rule: 409 naming it). Nobody's
     * segments move: none names the list. An enrolment already taken from it keeps its members.
     */
    @Transactional
    public void delete(String listId) {
        if (!lists.lock(listId)) {
            throw new ListNotFoundException(listId);
        }
        List<String> users = references.orderedStream().flatMap(reference -> reference.namesOf(listId).stream())
                .toList();
        if (!users.isEmpty()) {
            throw new ListInUseException(listId, users);
        }
        events.publishEvent(new ListDeleted(listId));
        lists.delete(listId);
    }

    public List<ContactList> all() {
        return lists.all();
    }

    public List<ContactList> listsOf(String contactId) {
        contacts.getById(contactId);
        return lists.listsOf(contactId);
    }

    public record MembersPage(long total, int page, int size, List<ListMember> members) {
    }

    public MembersPage members(String listId, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        ContactList list = get(listId);
        return new MembersPage(list.size(), page, size, lists.members(listId, page * size, size));
    }

    record Added(int added, int alreadyOnList, long size) {
    }

    /** All or nothing: an unknown contact id or e-mail refuses the whole request. */
    @Transactional
    Added add(String listId, MembersRequest request, String addedBy) {
        List<String> ids = request.contactIds() == null ? List.of() : request.contactIds();
        List<String> emails = request.emails() == null ? List.of() : request.emails();
        if (ids.size() + emails.size() == 0 || ids.size() + emails.size() > MAX_MEMBERS_PER_REQUEST) {
            throw new InvalidInputException("contactIds and emails: give between 1 and " + MAX_MEMBERS_PER_REQUEST
                    + " contacts together (more by an import, POST /api/imports)");
        }
        requireExists(listId);
        Set<String> members = new LinkedHashSet<>(knownIds(ids));
        members.addAll(knownEmails(emails));
        int added = addAll(listId, members, addedBy);
        return new Added(added, members.size() - added, get(listId).size());
    }

    /** Adds these (existing) contacts to the list, those not on it yet; answers how many it added. */
    @Transactional
    public int addAll(String listId, Collection<String> contactIds, String addedBy) {
        if (contactIds.isEmpty()) {
            return 0;
        }
        int added = lists.add(listId, contactIds, addedBy, Instant.now());
        if (added > 0) {
            events.publishEvent(new ListMembersChanged(listId, List.copyOf(new LinkedHashSet<>(contactIds))));
        }
        return added;
    }

    @Transactional
    public void remove(String listId, String contactId) {
        requireExists(listId);
        if (lists.remove(listId, contactId)) {
            events.publishEvent(new ListMembersChanged(listId, List.of(contactId)));
        }
    }

    private List<String> knownIds(List<String> ids) {
        List<String> unknown = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (String id : ids) {
            if (id == null || id.length() > 36 || contacts.findById(id).isEmpty()) {
                unknown.add(String.valueOf(id));
            } else {
                known.add(id);
            }
        }
        refuseUnknown("contactIds", unknown);
        return known;
    }

    private List<String> knownEmails(List<String> emails) {
        if (emails.stream().anyMatch(email -> email == null || email.length() > 320)) {
            throw new InvalidInputException("emails: each must be an e-mail address of at most 320 characters");
        }
        Map<String, Contact> found = contacts.findByEmails(emails);
        refuseUnknown("emails", emails.stream()
                .filter(email -> !found.containsKey(ContactRepository.normalizeEmail(email))).toList());
        return emails.stream().map(email -> found.get(ContactRepository.normalizeEmail(email)).id()).toList();
    }

    private static void refuseUnknown(String field, List<String> unknown) {
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(field + ": no contact " + String.join(", ",
                    unknown.stream().limit(10).map(value -> value.length() > 40 ? value.substring(0, 40) + "…" : value)
                            .toList())
                    + (unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : "") + "; nothing was added");
        }
    }

    private static String checkedName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH
                || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name: required, at most " + MAX_NAME_LENGTH
                    + " characters, no control characters");
        }
        return trimmed;
    }
}
