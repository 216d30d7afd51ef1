package io.nurture.audience;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The segments as they are now, their rules parsed once per version: each look is one read of the ids and versions
 * (any node's edit shows at once), and the rules are read and parsed again only when one changed.
 */
@Component
class LiveSegments {

    record Key(String id, int version) {
    }

    record Live(String id, String name, int version, SegmentRule rule) {
    }

    private final SegmentStore store;
    private volatile Map<Key, Live> cached = Map.of();

    LiveSegments(SegmentStore store) {
        this.store = store;
    }

    List<Live> current() {
        List<Key> keys = store.versions();
        Map<Key, Live> known = cached;
        if (keys.size() == known.size() && known.keySet().containsAll(keys)) {
            return List.copyOf(known.values());
        }
        Map<Key, Live> fresh = new LinkedHashMap<>();
        for (Segment segment : store.all()) {
            fresh.put(new Key(segment.id(), segment.version()),
                    new Live(segment.id(), segment.name(), segment.version(), segment.rule()));
        }
        cached = fresh;
        return List.copyOf(fresh.values());
    }
}
