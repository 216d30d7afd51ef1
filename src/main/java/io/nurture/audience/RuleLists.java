package io.nurture.audience;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.nurture.audience.SegmentRule.Group;
import io.nurture.audience.SegmentRule.ListCondition;
import io.nurture.lists.ContactLists;

/**
 * The lists a rule names must exist when it is saved or previewed: an unknown one is refused, named by the JSON
 * pointer of its condition's {@code list} (the same pointer {@link RuleParser} would give it).
 */
@Component
class RuleLists {

    private final ContactLists lists;

    RuleLists(ContactLists lists) {
        this.lists = lists;
    }

    void requireKnown(SegmentRule rule, String pointer) {
        for (Named named : named(rule, pointer, new ArrayList<>())) {
            if (!lists.exists(named.listId())) {
                throw SegmentRefusal.invalid(named.pointer() + ": no list " + named.listId());
            }
        }
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
