package io.nurture.reporting;

import java.time.Instant;
import java.util.List;

import io.nurture.process.ContactProcesses.Passage;

/**
 * One contact's way through each campaign it went through, for drawing on its diagram: what the dashboard's contact
 * page shows under "Paths". Instances the latest started first.
 */
record ContactPath(String contactId, List<Instance> instances) {

    /**
     * One process instance on the exact version of its diagram ({@code bpmnXml}, null when that deployment is gone):
     * the activities it passed, the sequence flows it took, where it waits, and the sends of its steps.
     */
    record Instance(String id, String processKey, int version, String state, Instant started, Instant ended,
            String cockpitPath, String bpmnXml, List<Passage> passed, List<String> flows, List<String> waiting,
            List<Send> sends) {
    }

    /**
     * A send of step {@code step} (an activity id of the diagram), with its first open and click (a click counts as
     * an open); {@code sentAt} is null for a send not (yet) made: {@code status} says why.
     */
    record Send(String step, String channel, String template, String status, Instant createdAt, Instant sentAt,
            Instant openedAt, Instant clickedAt) {
    }
}
