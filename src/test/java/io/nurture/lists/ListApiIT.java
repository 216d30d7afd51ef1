package io.nurture.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * Static lists over real HTTP: made by name, filled by contact id and e-mail, paged, emptied one contact at a time,
 * deleted unless a segment names them; a merge keeps the survivor on the merged contact's lists, an erasure takes the
 * contact off them; and every bad body a problem that stores nothing.
 */
@JobsOffAppTest
class ListApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    NurtureClient api;
    String tag;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aMarketerMakesAListFillsItByIdAndEmailAndEmptiesIt() {
        String ada = contact("ada");
        String bob = contact("bob");
        Response created = api.post("/api/lists", "{\"name\": \"  VIP " + tag + " \"}", "marketer");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String listId = created.json().get("id").asText();
        assertThat(created.json().get("name").asText()).isEqualTo("VIP " + tag);
        assertThat(created.json().get("createdBy").asText()).isEqualTo("marketer");

        Response added = api.post("/api/lists/" + listId + "/members", """
                {"contactIds": ["%s"], "emails": ["%s", "%s"]}""".formatted(ada, email("ada").toUpperCase(),
                email("bob")), "marketer");

        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("added").asInt()).isEqualTo(2);
        assertThat(added.json().get("alreadyOnList").asInt()).isZero();
        assertThat(added.json().get("size").asInt()).isEqualTo(2);
        JsonNode again = api.post("/api/lists/" + listId + "/members", "{\"contactIds\": [\"" + ada + "\"]}",
                "marketer").json();
        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("alreadyOnList").asInt()).isEqualTo(1);
        JsonNode page = api.get("/api/lists/" + listId + "/members?page=0&size=1", "marketer").json();
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("members")).hasSize(1);
        JsonNode second = api.get("/api/lists/" + listId + "/members?page=1&size=1", "marketer").json();
        assertThat(List.of(page.at("/members/0/contactId").asText(), second.at("/members/0/contactId").asText()))
                .containsExactlyInAnyOrder(ada, bob);
        assertThat(api.get("/api/contacts/" + ada + "/lists", "marketer").json().findValuesAsText("id"))
                .containsExactly(listId);
        assertThat(api.get("/api/lists", "demo").json().findValuesAsText("id")).contains(listId);

        Response removed = api.delete("/api/lists/" + listId + "/members/" + ada, "marketer");

        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get("/api/lists/" + listId, "marketer").json().get("size").asInt()).isEqualTo(1);
        assertThat(api.get("/api/contacts/" + ada + "/lists", "marketer").json()).isEmpty();
    }

    @Test
    void aNameTakenOrAnUnknownListOrContactIsAProblem() {
        String listId = list();
        String name = api.get("/api/lists/" + listId, "marketer").json().get("name").asText();
        refused(() -> api.post("/api/lists", "{\"name\": \"" + name.toUpperCase() + "\"}", "marketer"), 409,
                "name");
        assertThat(api.get("/api/lists/no-such-list", "marketer").status()).isEqualTo(404);
        assertThat(api.get("/api/contacts/no-such-contact/lists", "marketer").status()).isEqualTo(404);
        refused(() -> api.post("/api/lists/no-such-list/members", "{\"emails\": [\"x@example.com\"]}", "marketer"),
                404, "no-such-list");
        String ada = contact("ada");
        refused(() -> api.post("/api/lists/" + listId + "/members", """
                {"contactIds": ["%s", "no-such-contact"]}""".formatted(ada), "marketer"), 400,
                "contactIds: no contact no-such-contact; nothing was added");
        refused(() -> api.post("/api/lists/" + listId + "/members", "{\"emails\": [\"nobody-" + tag
                + "@example.com\"]}", "marketer"), 400, "emails: no contact");
        assertThat(members(listId)).isZero();
    }

    @Test
    void badBodiesAreProblemsThatStoreNothing() {
        String listId = list();
        String ada = contact("ada");
        refused(() -> api.post("/api/lists", "{\"name\": 5}", "marketer"), 400, "name");
        refused(() -> api.post("/api/lists", "{\"name\": \"x\", \"owner\": \"me\"}", "marketer"), 400, "owner");
        refused(() -> api.post("/api/lists", "{\"name\": " + "[".repeat(100) + "]".repeat(100) + "}", "marketer"),
                400, "");
        refused(() -> api.post("/api/lists", "name=x", "marketer"), 400, "");
        refused(() -> api.post("/api/lists", "{\"name\": \"" + "n".repeat(201) + "\"}", "marketer"), 400, "name");
        refused(() -> api.post("/api/lists", "{\"name\": \"" + "n".repeat(70_000) + "\"}", "marketer"), 413, "");
        refused(() -> api.post("/api/lists", "{\"name\": \"tab\\there\"}", "marketer"), 400, "name");
        refused(() -> api.post("/api/lists/" + listId + "/members", "{\"contactIds\": [5]}", "marketer"), 400,
                "contactIds");
        refused(() -> api.post("/api/lists/" + listId + "/members", "{\"contactIds\": \"" + ada + "\"}",
                "marketer"), 400, "contactIds");
        refused(() -> api.post("/api/lists/" + listId + "/members", "{\"contacts\": [\"" + ada + "\"]}",
                "marketer"), 400, "contacts");
        refused(() -> api.post("/api/lists/" + listId + "/members", "{}", "marketer"), 400, "contactIds and emails");
        String tooMany = IntStream.range(0, 1_001).mapToObj(i -> "\"" + ada + "\"")
                .collect(Collectors.joining(",", "{\"contactIds\": [", "]}"));
        refused(() -> api.post("/api/lists/" + listId + "/members", tooMany, "marketer"), 400, "between 1 and 1000");
        refused(() -> api.get("/api/lists/" + listId + "/members?size=100000", "marketer"), 400, "size");
        refused(() -> api.get("/api/lists/" + listId + "/members?page=x", "marketer"), 400, "page");
        assertThat(members(listId)).isZero();
    }

    @Test
    void aMergeKeepsTheSurvivorOnTheListsAndAnErasureTakesItOff() {
        String listId = list();
        String other = list();
        String known = contact("known");
        String anonymousId = "anon-" + tag;
        String visitor = api.post("/api/events", "{\"type\": \"page_view\", \"anonymousId\": \"" + anonymousId
                + "\"}", "integration").json().get("contactId").asText();
        api.post("/api/lists/" + listId + "/members", "{\"contactIds\": [\"" + visitor + "\", \"" + known + "\"]}",
                "marketer");
        api.post("/api/lists/" + other + "/members", "{\"contactIds\": [\"" + visitor + "\"]}", "marketer");

        String survivor = api.post("/api/events", """
                {"type": "form_submitted", "email": "%s", "anonymousId": "%s"}""".formatted(email("known"),
                anonymousId), "integration").json().get("contactId").asText();

        assertThat(survivor).isEqualTo(known);
        assertThat(api.get("/api/lists/" + listId, "marketer").json().get("size").asInt()).isEqualTo(1);
        assertThat(api.get("/api/contacts/" + known + "/lists", "marketer").json().findValuesAsText("id"))
                .containsExactlyInAnyOrder(listId, other);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_list_member WHERE contact_id = ?").param(visitor)
                .query(Long.class).single()).isZero();

        assertThat(api.delete("/api/contacts/" + known, "privacy").status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_list_member WHERE contact_id = ?").param(known)
                .query(Long.class).single()).isZero();
        assertThat(api.get("/api/erasures?contactId=" + known, "privacy").json().at("/0/removed/listMemberships")
                .asInt()).isEqualTo(2);
    }

    @Test
    void aListIsDeletedWithItsMembersUnlessASegmentNamesIt() {
        String listId = list();
        String ada = contact("ada");
        assertThat(api.post("/api/lists/" + listId + "/members", "{\"contactIds\": [\"" + ada + "\"]}", "marketer")
                .status()).isEqualTo(200);
        String onIt = segment("On it " + tag, "{\"all\": [{\"list\": \"" + listId + "\"}]}");
        String notOnIt = segment("Not on it " + tag, "{\"any\": [{\"field\": \"country\", \"op\": \"eq\", "
                + "\"value\": \"DE\"}, {\"list\": \"" + listId + "\", \"not\": true}]}");

        refused(() -> api.delete("/api/lists/" + listId, "marketer"), 409, "segment 'On it " + tag + "'");
        Response inUse = api.delete("/api/lists/" + listId, "marketer");
        assertThat(inUse.json().get("detail").asText()).contains("segment 'Not on it " + tag + "'");
        for (String user : List.of("sales", "sdrlead", "integration")) {
            assertThat(api.delete("/api/lists/" + listId, user).status()).as(user).isEqualTo(403);
        }
        assertThat(members(listId)).isEqualTo(1);

        assertThat(api.delete("/api/segments/" + onIt, "marketer").status()).isEqualTo(204);
        assertThat(api.put("/api/segments/" + notOnIt, "{\"rule\": {\"all\": [{\"field\": \"country\", "
                + "\"op\": \"eq\", \"value\": \"DE\"}]}}", "marketer").status()).isEqualTo(200);
        Response deleted = api.delete("/api/lists/" + listId, "marketer");

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(api.get("/api/lists/" + listId, "marketer").status()).isEqualTo(404);
        assertThat(members(listId)).isZero();
        assertThat(api.get("/api/contacts/" + ada + "/lists", "marketer").json()).isEmpty();
        refused(() -> api.delete("/api/lists/" + listId, "marketer"), 404, listId);
        Response overLong = api.delete("/api/lists/" + "x".repeat(300), "marketer");
        assertThat(overLong.status()).as(overLong.body()).isEqualTo(404);
        assertThat(overLong.contentType()).startsWith("application/problem+json");
        refused(() -> api.post("/api/segments", "{\"name\": \"Gone " + tag + "\", \"rule\": {\"all\": "
                + "[{\"list\": \"" + listId + "\"}]}}", "marketer"), 400, "/rule/all/0/list: no list");
    }

    @Test
    void aListAnImportFilledCanBeDeletedAndTheImportStaysReadable() {
        String listId = list();
        String boundary = "----nurture" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"listId\"\r\n\r\n" + listId
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nemail\r\n" + email("imported") + "\r\n--" + boundary + "--\r\n";
        Response started = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl()
                + "/api/imports")).header("Authorization", NurtureClient.basic("marketer", "marketer"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String importId = started.json().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> api
                .get("/api/imports/" + importId, "marketer").json().get("status").asText().equals("DONE"));
        assertThat(members(listId)).isEqualTo(1);

        Response deleted = api.delete("/api/lists/" + listId, "marketer");

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        Response report = api.get("/api/imports/" + importId, "marketer");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("listId").isNull() || report.json().path("listId").isMissingNode()).isTrue();
    }

    @Test
    void aListAnImportIsStillFillingIsNotDeleted() {
        String listId = list();
        String importId = UUID.randomUUID().toString();
        // an import another node is running (its lease far ahead, so this node's worker leaves it alone)
        jdbc.sql("""
                INSERT INTO contact_import (id, file_name, mapping, start_campaigns, dry_run, list_id, status,
                  total_rows, created_by, created_at, lease_until)
                VALUES (?, 'fair.csv', '{}', FALSE, FALSE, ?, 'RUNNING', 10, 'marketer', ?, ?)""")
                .params(importId, listId, Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now().plus(Duration.ofDays(1))))
                .update();

        refused(() -> api.delete("/api/lists/" + listId, "marketer"), 409, "the unfinished import 'fair.csv'");

        jdbc.sql("UPDATE contact_import SET status = 'DONE', lease_until = NULL WHERE id = ?").param(importId)
                .update();
        assertThat(api.delete("/api/lists/" + listId, "marketer").status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_import WHERE id = ? AND list_id IS NULL").param(importId)
                .query(Long.class).single()).as("the import no longer names the list").isEqualTo(1);
    }

    private String segment(String name, String rule) {
        Response created = api.post("/api/segments", "{\"name\": \"" + name + "\", \"rule\": " + rule + "}",
                "marketer");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private void refused(Supplier<Response> call, int status, String named) {
        long lists = jdbc.sql("SELECT COUNT(*) FROM contact_list").query(Long.class).single();
        long members = jdbc.sql("SELECT COUNT(*) FROM contact_list_member").query(Long.class).single();
        Response response = call.get();
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(named);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_list").query(Long.class).single()).isEqualTo(lists);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_list_member").query(Long.class).single()).isEqualTo(members);
    }

    private String list() {
        Response created = api.post("/api/lists", "{\"name\": \"list-" + UUID.randomUUID() + "\"}", "marketer");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private long members(String listId) {
        return jdbc.sql("SELECT COUNT(*) FROM contact_list_member WHERE list_id = ?").param(listId).query(Long.class)
                .single();
    }

    private String contact(String name) {
        Response response = api.post("/api/events", "{\"type\": \"form_submitted\", \"email\": \"" + email(name)
                + "\"}", "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }

    private String email(String name) {
        return name + "-" + tag + "@example.com";
    }
}
