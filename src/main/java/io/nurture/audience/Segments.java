package io.nurture.audience;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.audience.SegmentViews.ContactSegments;
import io.nurture.audience.SegmentViews.MemberPage;
import io.nurture.audience.SegmentViews.Preview;
import io.nurture.audience.SegmentViews.RebuildView;
import io.nurture.audience.SegmentViews.SegmentView;
import io.nurture.audience.SegmentViews.Size;
import io.nurture.audience.SegmentViews.Sizes;
import io.nurture.contact.ContactNotFoundException;
import io.nurture.contact.ContactRepository;

/**
 * The segments API's work: save a rule (then rebuild its members), preview one, read members, sizes and stays, delete
 * a segment.
 */
@Service
public class Segments {

    static final int MAX_NAME = 200;
    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_SAMPLE = 50;
    static final int MAX_DAYS = 366;

    private final SegmentStore store;
    private final MemberQueries members;
    private final SegmentRebuilds rebuilds;
    private final ContactRepository contacts;
    private final RuleLists ruleLists;
    private final ObjectMapper json;

    Segments(SegmentStore store, MemberQueries members, SegmentRebuilds rebuilds, ContactRepository contacts,
            RuleLists ruleLists, ObjectMapper json) {
        this.store = store;
        this.members = members;
        this.rebuilds = rebuilds;
        this.contacts = contacts;
        this.ruleLists = ruleLists;
        this.json = json;
    }

    @Transactional
    public SegmentView create(SegmentRequest request) {
        String name = name(request.name());
        SegmentRule rule = parsed(request.rule(), true);
        if (store.nameTaken(name, "")) {
            throw SegmentRefusal.nameTaken(name);
        }
        try {
            String id = store.create(name, text(request.rule()), rule.timeBound());
            rebuilds.queue(id);
            return view(get(id));
        } catch (DuplicateKeyException e) {
            throw SegmentRefusal.nameTaken(name);
        }
    }

    @Transactional
    public SegmentView update(String id, SegmentRequest request) {
        Segment before = store.lock(id).orElseThrow(() -> SegmentRefusal.notFound(id));
        if (request.name() == null && request.rule() == null) {
            throw SegmentRefusal.invalid("name, rule: give a new name, a new rule or both");
        }
        String name = request.name() == null ? null : name(request.name());
        SegmentRule rule = request.rule() == null ? null : parsed(request.rule(), true);
        if (name != null && store.nameTaken(name, id)) {
            throw SegmentRefusal.nameTaken(name);
        }
        String ruleJson = rule == null ? null : text(request.rule());
        boolean ruleChanged = ruleJson != null && !ruleJson.equals(before.ruleJson());
        store.update(id, name, ruleChanged ? ruleJson : null, rule != null && rule.timeBound());
        if (ruleChanged) {
            rebuilds.queue(id);
        }
        return view(get(id));
    }

    /**
     * Deletes the segment, its members, their stays and its sizes. Nobody leaves it (no {@link SegmentLeft}): the
     * contacts did not change, the segment is gone, and a diagram waiting for {@code segment-left:<name>} must not
     * move for all its members at once. An enrolment started from it keeps the members it took.
     */
    @Transactional
    public void delete(String id) {
        if (!store.delete(id)) {
            throw SegmentRefusal.notFound(id);
        }
    }

    @Transactional(readOnly = true)
    public SegmentView find(String id) {
        return view(get(id));
    }

    @Transactional(readOnly = true)
    public List<SegmentView> all() {
        return store.all().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public Preview preview(PreviewRequest request) {
        SegmentRule rule = parsed(request.rule(), false);
        int sample = request.sample() == null ? 10 : request.sample();
        if (sample < 0 || sample > MAX_SAMPLE) {
            throw SegmentRefusal.invalid("/sample: must be from 0 to " + MAX_SAMPLE);
        }
        RuleSql.Predicate predicate = RuleSql.compile(rule, Instant.now());
        return new Preview(members.previewCount(predicate),
                sample == 0 ? List.of() : members.previewSample(predicate, sample));
    }

    @Transactional(readOnly = true)
    public MemberPage members(String id, int page, int size) {
        get(id);
        if (page < 0) {
            throw SegmentRefusal.invalid("page: must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw SegmentRefusal.invalid("size: must be from 1 to " + MAX_PAGE_SIZE);
        }
        return new MemberPage(members.count(id), page, size, members.page(id, page, size));
    }

    @Transactional(readOnly = true)
    public String membersCsv(String id) {
        get(id);
        StringBuilder csv = new StringBuilder("contactId,email,firstName,lastName,lifecycleStage,score,enteredAt\r\n");
        members.each(id, member -> csv.append(String.join(",", cell(member.contactId()), cell(member.email()),
                cell(member.firstName()), cell(member.lastName()), cell(member.lifecycleStage()),
                cell(String.valueOf(member.score())), cell(String.valueOf(member.enteredAt())))).append("\r\n"));
        return csv.toString();
    }

    /** The size at the end of each of the last {@code days} days that has one; today's is the size now. */
    @Transactional(readOnly = true)
    public Sizes sizes(String id, int days) {
        get(id);
        if (days < 1 || days > MAX_DAYS) {
            throw SegmentRefusal.invalid("days: must be from 1 to " + MAX_DAYS);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Size> sizes = new ArrayList<>(members.sizes(id, today.minusDays(days - 1L)).stream()
                .filter(size -> !size.day().equals(today)).toList());
        sizes.add(new Size(today, members.count(id)));
        return new Sizes(id, sizes);
    }

    @Transactional(readOnly = true)
    public ContactSegments ofContact(String contactId) {
        if (contacts.findById(contactId).isEmpty()) {
            throw new ContactNotFoundException(contactId);
        }
        return new ContactSegments(contactId, members.current(contactId), members.stays(contactId));
    }

    /** The request's rule, read strictly, naming only lists that exist ({@code saving}: held until it commits). */
    private SegmentRule parsed(JsonNode ruleJson, boolean saving) {
        SegmentRule rule = RuleParser.parse(ruleJson, "/rule");
        ruleLists.requireKnown(rule, "/rule", saving);
        return rule;
    }

    private Segment get(String id) {
        return store.find(id).orElseThrow(() -> SegmentRefusal.notFound(id));
    }

    private SegmentView view(Segment segment) {
        Segment.Rebuild rebuild = segment.rebuild();
        int percent = rebuild.total() == 0 ? (rebuild.state() == Segment.RebuildState.DONE ? 100 : 0)
                : (int) Math.min(100, rebuild.done() * 100 / rebuild.total());
        JsonNode rule;
        try {
            rule = json.readTree(segment.ruleJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new SegmentView(segment.id(), segment.name(), rule, segment.version(), members.count(segment.id()),
                segment.createdAt(), segment.updatedAt(), new RebuildView(rebuild.state().name().toLowerCase(),
                        rebuild.done(), rebuild.total(), percent, rebuild.version(), rebuild.finishedAt()));
    }

    private String text(JsonNode rule) {
        try {
            return json.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw SegmentRefusal.invalid("/name: a name of 1 to " + MAX_NAME + " characters, no control characters");
        }
        return trimmed;
    }

    /** RFC 4180, every cell quoted; a cell a spreadsheet would run as a formula is prefixed with a quote. */
    private static String cell(String value) {
        if (value == null || value.equals("null")) {
            return "\"\"";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
