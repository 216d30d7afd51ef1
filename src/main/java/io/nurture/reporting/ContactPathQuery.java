package io.nurture.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.nurture.contact.ContactNotFoundException;
import io.nurture.process.ContactProcesses;
import io.nurture.reporting.ContactPath.Instance;
import io.nurture.reporting.ContactPath.Send;

/**
 * A contact's paths: Camunda's history of its instances (through {@link ContactProcesses}) with the delivery log and
 * its facts. A campaign send's idempotency key starts with its process instance id ({@code channel.SendSteps}), which
 * ties each delivery to the instance that made it.
 */
@Repository
@Transactional(readOnly = true)
class ContactPathQuery {

    private static final String SENDS = """
            SELECT d.idempotency_key, d.step, d.channel, d.template, d.status, d.created_at, d.sent_at,
                   r.opened_at, r.clicked_at
            FROM delivery d LEFT JOIN delivery_report r ON r.delivery_id = d.id
            WHERE d.contact_id = ? AND d.step IS NOT NULL ORDER BY d.created_at""";

    private final JdbcClient jdbc;
    private final ContactProcesses processes;

    ContactPathQuery(JdbcClient jdbc, ContactProcesses processes) {
        this.jdbc = jdbc;
        this.processes = processes;
    }

    ContactPath of(String contactId) {
        if (jdbc.sql("SELECT COUNT(*) FROM contact WHERE id = ?").param(contactId).query(Long.class).single() == 0) {
            throw new ContactNotFoundException(contactId);
        }
        Map<String, List<Send>> sendsByInstance = new HashMap<>();
        jdbc.sql(SENDS).param(contactId).query((ResultSet rs) -> {
            String key = rs.getString("idempotency_key");
            int instanceEnd = key.indexOf(':');
            if (instanceEnd > 0) {
                sendsByInstance.computeIfAbsent(key.substring(0, instanceEnd), id -> new ArrayList<>())
                        .add(send(rs));
            }
        });
        List<Instance> instances = processes.paths(contactId).stream()
                .map(path -> new Instance(path.id(), path.processKey(), path.version(), path.state(), path.started(),
                        path.ended(), ContactTimelineQuery.COCKPIT_INSTANCE + path.id(), path.bpmnXml(),
                        path.passed(), path.flows(), path.waiting(), sendsByInstance.getOrDefault(path.id(), List.of())))
                .toList();
        return new ContactPath(contactId, instances);
    }

    private static Send send(ResultSet rs) throws SQLException {
        return new Send(rs.getString("step"), rs.getString("channel"), rs.getString("template"),
                rs.getString("status"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")),
                instant(rs.getTimestamp("opened_at")), instant(rs.getTimestamp("clicked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
