package io.nurture.imports;

import static io.nurture.imports.Uploads.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.RuntimeService;
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
 * Contact import over real HTTP: a mapped CSV creates, updates and refuses rows with their reasons, a re-import
 * changes nothing, a dry run stores no contact, a target list fills, an import and events for the same e-mails at the
 * same time keep one contact per e-mail, and an import stopped after a chunk goes on from there.
 */
@JobsOffAppTest
class ContactImportIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ContactImports imports;

    @Autowired
    ImportWorker worker;

    NurtureClient api;
    Uploads uploads;
    String tag;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
        uploads = new Uploads(api);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aMappedFileCreatesUpdatesAndRefusesRowsAndItsReImportChangesNothing() {
        String known = email("known");
        Response event = api.post("/api/events", """
                {"type": "form_submitted", "email": "%s",
                 "properties": {"firstName": "Old", "consent": {"email": true}}}"""
                .formatted(known), "integration");
        assertThat(event.status()).as(event.body()).isEqualTo(202);
        String csv = "\uFEFFE-Mail,Vorname,Firma,Newsletter,Land\r\n"
                + email("yes") + ",Ada,\"Acme, Inc.\",ja,de\r\n"
                + email("none") + ",Bob,,,\r\n"
                + "  " + known.toUpperCase() + " ,Kim,,,\r\n"
                + "not-an-email,X,,,\r\n"
                + email("yes") + ",Ada again,,,\r\n"
                + email("country") + ",Cy,,yes,Deutschland\r\n"
                + email("consent") + ",Di,,maybe,\r\n";
        String mapping = """
                {"email": "E-Mail", "firstName": "Vorname", "company": "Firma", "consentEmail": "Newsletter",
                 "country": "Land"}""";

        JsonNode report = uploads.imported(csv, fields("mapping", mapping));

        assertThat(report.get("totalRows").asInt()).isEqualTo(7);
        assertThat(report.get("processedRows").asInt()).isEqualTo(7);
        assertThat(report.get("percent").asInt()).isEqualTo(100);
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("updated").asInt()).isEqualTo(1);
        assertThat(report.get("unchanged").asInt()).isZero();
        assertThat(report.get("refused").asInt()).isEqualTo(4);
        JsonNode errors = api.get("/api/imports/" + report.get("id").asText() + "/errors", "marketer").json();
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0).get("row").asInt()).as("the header is row 1").isEqualTo(5);
        assertThat(errors.get(0).get("reason").asText()).contains("email (column 'E-Mail')", "not an e-mail");
        assertThat(errors.get(1).get("row").asInt()).isEqualTo(6);
        assertThat(errors.get(1).get("reason").asText()).contains("the same e-mail as row 2");
        assertThat(errors.get(2).get("reason").asText()).contains("country (column 'Land')");
        assertThat(errors.get(3).get("reason").asText()).contains("consentEmail (column 'Newsletter')");

        assertThat(row(email("yes"), "first_name")).isEqualTo("Ada");
        assertThat(row(email("yes"), "company")).isEqualTo("Acme, Inc.");
        assertThat(row(email("yes"), "country")).isEqualTo("DE");
        assertThat(row(email("yes"), "consent_email")).isEqualTo(true);
        assertThat(row(email("none"), "consent_email")).as("no yes: no marketing").isEqualTo(false);
        assertThat(row(email("none"), "source")).isEqualTo("import");
        assertThat(row(email("none"), "lifecycle_stage")).isEqualTo("LEAD");
        assertThat(row(known, "first_name")).isEqualTo("Kim");
        assertThat(row(known, "consent_email")).as("kept: the file said nothing").isEqualTo(true);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE email = ?").param(known).query(Long.class).single())
                .isEqualTo(1);
        String created = contactId(email("none"));
        assertThat(jdbc.sql("SELECT reason FROM stage_transition WHERE contact_id = ?").param(created)
                .query(String.class).single()).isEqualTo("Imported");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(created).count())
                .as("an import starts no campaign unless the mapping asks").isZero();
        JsonNode contact = api.get("/api/contacts/" + created, "marketer").json();
        assertThat(contact.at("/consent/email").asBoolean(true)).isFalse();

        JsonNode again = uploads.imported(csv, fields("mapping", mapping));

        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);
        assertThat(again.get("refused").asInt()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_import_part WHERE import_id = ?")
                .param(again.get("id").asText()).query(Long.class).single()).as("the upload is gone when done")
                .isZero();
    }

    @Test
    void aDryRunCountsAndListsErrorsButChangesNoContact() {
        String csv = "email,firstName\n" + email("a") + ",A\n" + email("b") + ",B\nbroken,C\n";
        long contactsBefore = contacts();

        JsonNode report = uploads.imported(csv, fields("dryRun", "true"));

        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("refused").asInt()).isEqualTo(1);
        assertThat(contacts()).isEqualTo(contactsBefore);
        assertThat(api.get("/api/imports/" + report.get("id").asText() + "/errors", "marketer").json().get(0)
                .get("row").asInt()).isEqualTo(4);
    }

    @Test
    void aTargetListGetsEveryImportedContactOnce() {
        String listId = api.post("/api/lists", "{\"name\": \"import-" + tag + "\"}", "marketer").json().get("id")
                .asText();
        String csv = "email\n" + email("l1") + "\n" + email("l2") + "\n";

        uploads.imported(csv, fields("listId", listId));
        JsonNode again = uploads.imported(csv, fields("listId", listId));

        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        JsonNode list = api.get("/api/lists/" + listId, "marketer").json();
        assertThat(list.get("size").asInt()).isEqualTo(2);
        JsonNode members = api.get("/api/lists/" + listId + "/members", "marketer").json().get("members");
        assertThat(members.findValuesAsText("email")).containsExactlyInAnyOrder(email("l1"), email("l2"));
        assertThat(members.get(0).get("addedBy").asText()).isEqualTo("marketer");
    }

    @Test
    void theErrorsAsCsvCannotRunAFormula() {
        String csv = "email,firstName\n\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",Eve\n+1234,Plus\n";
        JsonNode report = uploads.imported(csv, fields());

        Response errors = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.baseUrl()
                + "/api/imports/" + report.get("id").asText() + "/errors"))
                .header("Authorization", NurtureClient.basic("marketer", "marketer")).header("Accept", "text/csv")
                .GET().build());

        assertThat(errors.status()).isEqualTo(200);
        assertThat(errors.contentType()).startsWith("text/csv");
        assertThat(errors.body().split("\r\n")).containsExactly("row,email,reason",
                "2,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",\"email (column 'email') is not an e-mail"
                        + " address\"",
                "3,\"'+1234\",\"email (column 'email') is not an e-mail address\"");
    }

    @Test
    void rowsTooWideTooLongOrWithControlCharactersAreRefusedOneByOne() {
        String csv = "email,firstName\n"
                + email("wide") + "," + "x,".repeat(100_000) + "\n"
                + email("long") + "," + "y".repeat(50_000) + "\n"
                + email("ctl") + ",\"Bell\u0007\"\n"
                + "\"" + "z".repeat(400) + "@example.com\",Long mail\n"
                + email("fine") + ",Fine\n";

        JsonNode report = uploads.imported(csv, fields());

        assertThat(report.get("refused").asInt()).isEqualTo(4);
        assertThat(report.get("created").asInt()).isEqualTo(1);
        JsonNode errors = api.get("/api/imports/" + report.get("id").asText() + "/errors", "marketer").json();
        assertThat(errors.findValuesAsText("reason")).satisfiesExactly(
                reason -> assertThat(reason).contains("100002 columns, the header 2"),
                reason -> assertThat(reason).contains("firstName", "at most 100 characters"),
                reason -> assertThat(reason).contains("firstName", "control characters"),
                reason -> assertThat(reason).contains("email", "at most 320 characters"));
    }

    @Test
    void eventsForTheSameEmailsDuringAnImportKeepOneContactPerEmail() throws Exception {
        int rows = 2_500;
        List<String> emails = IntStream.range(0, rows).mapToObj(i -> email("race" + i)).toList();
        String csv = "email,company\n" + emails.stream().map(e -> e + ",Race Inc").collect(Collectors.joining("\n"));
        Response started = uploads.upload(csv, fields());
        assertThat(started.status()).as(started.body()).isEqualTo(202);

        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < rows; i += 10) {
            String email = emails.get(i);
            answers.add(clients.submit(() -> api.post("/api/events", """
                    {"type": "page_view", "email": "%s"}""".formatted(email), "integration").status()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(202);
        }
        clients.shutdown();
        JsonNode report = uploads.done(started.json().get("id").asText());

        assertThat(report.get("refused").asInt()).isZero();
        assertThat(report.get("created").asInt() + report.get("updated").asInt() + report.get("unchanged").asInt())
                .isEqualTo(rows);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE email LIKE ?").param("race%-" + tag + "@%")
                .query(Long.class).single()).isEqualTo(rows);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE email LIKE ? AND company = 'Race Inc'")
                .param("race%-" + tag + "@%").query(Long.class).single()).as("every row imported").isEqualTo(rows);
    }

    @Test
    void anImportStoppedAfterAChunkGoesOnFromThere() {
        List<String> emails = IntStream.range(0, 2_500).mapToObj(i -> email("resume" + i)).toList();
        String csv = "email\n" + String.join("\n", emails);
        uploads.imported("email\n" + String.join("\n", emails.subList(0, 1_000)), fields());
        ImportReport stored = imports.start(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "resume.csv", null, false, null, "marketer");
        // as a node that stopped after its first chunk left it: 1,000 rows stored, its lease run out
        jdbc.sql("""
                UPDATE contact_import SET status = 'RUNNING', processed_rows = 1000, created_rows = 1000,
                lease_until = ? WHERE id = ?""").params(Timestamp.from(Instant.now().minusSeconds(1)), stored.id())
                .update();

        worker.takeUpUnclaimed();
        JsonNode report = uploads.done(stored.id());

        assertThat(report.get("processedRows").asInt()).isEqualTo(2_500);
        assertThat(report.get("created").asInt()).as("the first chunk was not read again").isEqualTo(2_500);
        assertThat(report.get("unchanged").asInt()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE email LIKE ?").param("resume%-" + tag + "@%")
                .query(Long.class).single()).isEqualTo(2_500);
    }

    @Test
    void anErasureTakesTheContactsAddressOutOfTheRefusedRows() {
        String ada = email("erased");
        JsonNode report = uploads.imported("email,firstName\n" + ada + ",Ada\n" + ada + ",Again\n", fields());
        assertThat(report.get("refused").asInt()).isEqualTo(1);

        assertThat(api.delete("/api/contacts/" + contactId(ada), "privacy").status()).isEqualTo(204);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_import_error WHERE email = ?").param(ada).query(Long.class)
                .single()).isZero();
        assertThat(api.get("/api/imports/" + report.get("id").asText() + "/errors", "marketer").json()).isEmpty();
    }

    private String email(String name) {
        return name + "-" + tag + "@example.com";
    }

    private Object row(String email, String column) {
        return jdbc.sql("SELECT " + column + " FROM contact WHERE email = ?").param(email).query().singleValue();
    }

    private String contactId(String email) {
        return jdbc.sql("SELECT id FROM contact WHERE email = ?").param(email).query(String.class).single();
    }

    private long contacts() {
        return jdbc.sql("SELECT COUNT(*) FROM contact").query(Long.class).single();
    }
}
