package io.nurture.enrolment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nurture.audience.SegmentViews.SegmentView;
import io.nurture.audience.Segments;
import io.nurture.lists.ContactList;
import io.nurture.lists.ContactLists;

/**
 * Enrolling an audience in a campaign: the members are taken as they are when it is asked for (a segment's live
 * members, a list's), in one statement with the enrolment itself, so a restart finds every one still to start; the
 * {@link EnrolmentWorker} starts them.
 */
@Service
public class AudienceEnrolments {

    static final int DEFAULT_PER_MINUTE = 600;
    static final int MAX_PER_MINUTE = 6_000;

    private final EnrolmentStore store;
    private final Segments segments;
    private final ContactLists lists;
    private final RepositoryService repository;

    AudienceEnrolments(EnrolmentStore store, Segments segments, ContactLists lists, RepositoryService repository) {
        this.store = store;
        this.segments = segments;
        this.lists = lists;
        this.repository = repository;
    }

    @Transactional
    public Enrolment enrol(String campaign, EnrolmentRequest request, String requestedBy) {
        if (request == null || (request.segment() == null) == (request.list() == null)) {
            throw EnrolmentRefusal.invalid("segment, list: give exactly one, the id of the audience to enrol");
        }
        int perMinute = request.perMinute() == null ? DEFAULT_PER_MINUTE : request.perMinute();
        if (perMinute < 1 || perMinute > MAX_PER_MINUTE) {
            throw EnrolmentRefusal.invalid("perMinute: must be from 1 to " + MAX_PER_MINUTE);
        }
        requireStartable(campaign);
        Audience audience = audience(request);
        String id = UUID.randomUUID().toString();
        store.create(id, campaign, audience, perMinute, requestedBy, Instant.now());
        return get(id);
    }

    /** The deployed campaigns a contact can be put into directly: those with a plain start event. */
    public List<String> enrollableCampaigns() {
        return repository.createProcessDefinitionQuery().latestVersion().withoutTenantId().orderByProcessDefinitionKey()
                .asc().list().stream().filter(this::hasPlainStart).map(definition -> definition.getKey()).toList();
    }

    public Enrolment get(String id) {
        return store.find(id).orElseThrow(() -> EnrolmentRefusal.notFound("No enrolment '" + id + "'"));
    }

    public List<Enrolment> ofCampaign(String campaign) {
        requireDeployed(campaign);
        return store.ofCampaign(campaign);
    }

    private Audience audience(EnrolmentRequest request) {
        if (request.segment() != null) {
            SegmentView segment = segments.find(id("segment", request.segment()));
            return new Audience(Audience.SEGMENT, segment.id(), segment.name());
        }
        ContactList list = lists.get(id("list", request.list()));
        return new Audience(Audience.LIST, list.id(), list.name());
    }

    private static String id(String field, String value) {
        if (value.isBlank() || value.length() > 36) {
            throw EnrolmentRefusal.invalid(field + ": not an id");
        }
        return value;
    }

    /** Deployed, with a plain start event: a campaign a contact can be put into directly. */
    private void requireStartable(String campaign) {
        if (!hasPlainStart(requireDeployed(campaign))) {
            throw EnrolmentRefusal.invalid("campaign '" + campaign + "' has no plain start event: it starts by its "
                    + "own trigger, so it cannot be enrolled into");
        }
    }

    private boolean hasPlainStart(ProcessDefinition definition) {
        return repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(StartEvent.class).stream()
                .anyMatch(start -> start.getEventDefinitions().isEmpty()
                        && start.getParentElement() instanceof Process);
    }

    private ProcessDefinition requireDeployed(String campaign) {
        if (campaign == null || campaign.length() > 255) {
            throw EnrolmentRefusal.invalid("campaign: not a process key");
        }
        var definition = repository.createProcessDefinitionQuery().processDefinitionKey(campaign).latestVersion()
                .withoutTenantId().singleResult();
        if (definition == null) {
            throw EnrolmentRefusal.notFound("No campaign '" + campaign + "' is deployed");
        }
        return definition;
    }
}
