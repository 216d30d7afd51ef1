package io.nurture.audience;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.nurture.audience.SegmentRule.Group;
import io.nurture.audience.SegmentRule.ListCondition;
import io.nurture.lists.ContactLists;
import io.nurture.lists.ListReferences;

/**
 * The lists a rule names must exist when it is saved or previewed: an unknown one is refused, named by the JSON
 * pointer of its condition's {@code list} (the same pointer {@link RuleParser} would give it). A rule being saved
 * holds its lists until it commits, and a list that a segment's rule names is not deleted ({@link ListReferences}).
 */
@Component
class RuleLists implements ListReferences {

    private final ContactLists lists;
    private final SegmentStore store;

    RuleLists(ContactLists lists, SegmentStore store) {
        this.lists = lists;
        this.store = store;
    }

    /** {@code saving}: the rule is being saved, so its lists are held until the transaction ends. */
    void requireKnown(SegmentRule rule, String pointer, boolean saving) {
        for (Named named : named(rule, pointer, new ArrayList<>())) {
            if (!(saving ? lists.holdIfExists(named.listId()) : lists.exists(named.listId()))) {
                throw SegmentRefusal.invalid(named.pointer() + ": no list " + named.listId());
            }
        }
    }

    @Override
    public List<String> namesOf(String listId) {
        return store.all().stream()
                .filter(segment -> named(segment.rule(), "/rule", new ArrayList<>()).stream()
                        .anyMatch(named -> named.listId().equals(listId)))
                .map(segment -> "segment '" + segment.name() + "'").toList();
    }

    /** A list condition's list and where it stands in the rule. */
    record Named(String pointer, String listId) {
    }

    static List<Named> named(SegmentRule rule, String pointer, List<Named> found) {
        if (rule instanceof Group group) {
            String key = pointer + (group.all() ? "/all/" : "/any/");
            for (int i = 0; i < group.parts().size(); i++) {
                named(group.parts().get(i), key + i, found);
            }
        } else if (rule instanceof ListCondition list) {
            found.add(new Named(pointer + "/list", list.listId()));
        }
        return found;
    }
}
