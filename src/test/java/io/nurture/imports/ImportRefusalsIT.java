package io.nurture.imports;

import static io.nurture.imports.Uploads.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * What a careless or hostile upload gets from {@code POST /api/imports}: a 4xx RFC 9457 problem naming the part or
 * field, and nothing stored (no import, no part, no contact). Rows that are bad on their own are refused one by one
 * instead ({@link ContactImportIT}).
 */
@JobsOffAppTest
class ImportRefusalsIT {

    private static final String CSV = "email\nrefused@example.com\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    NurtureClient api;
    Uploads uploads;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
        uploads = new Uploads(api);
    }

    @Test
    void aJsonBodyIsNotAnUpload() {
        refused(() -> api.post("/api/imports", "{\"file\": \"email\\nx@example.com\"}", "marketer"), 415,
                "application/json");
    }

    @Test
    void anUploadWithoutItsFileIsRefused() {
        refused(() -> api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/imports"))
                .header("Authorization", NurtureClient.basic("marketer", "marketer"))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"dryRun\""
                        + "\r\n\r\ntrue\r\n--b--\r\n")).build()), 400, "file");
    }

    @Test
    void aMappingFieldNoImportFillsIsRefused() {
        refused(() -> uploads.upload(CSV, fields("mapping", "{\"emial\": \"email\"}")), 400, "mapping.emial");
    }

    @Test
    void aMappingOfTheWrongTypeIsRefused() {
        refused(() -> uploads.upload(CSV, fields("mapping", "{\"email\": 5}")), 400, "mapping.email");
        refused(() -> uploads.upload(CSV, fields("mapping", "{\"email\": [\"email\"]}")), 400, "mapping.email");
        refused(() -> uploads.upload(CSV, fields("mapping", "{\"startCampaigns\": \"please\"}")), 400,
                "mapping.startCampaigns");
        refused(() -> uploads.upload(CSV, fields("mapping", "[\"email\"]")), 400, "mapping");
    }

    @Test
    void aDeeplyNestedOrNonJsonMappingIsRefused() {
        refused(() -> uploads.upload(CSV, fields("mapping", "{\"email\": " + "[".repeat(500) + "]".repeat(500) + "}")),
                400, "mapping");
        refused(() -> uploads.upload(CSV, fields("mapping", "email=E-Mail")), 400, "mapping");
        refused(() -> uploads.upload(CSV, fields("mapping", "{\"email\": \"" + "e".repeat(20_000) + "\"}")), 400,
                "mapping: at most 16000 characters");
    }

    @Test
    void aMappingNamingAColumnTheFileLacksIsRefused() {
        refused(() -> uploads.upload(CSV, fields("mapping", "{\"firstName\": \"Vorname\"}")), 400,
                "mapping.firstName: the file has no column 'Vorname'");
        refused(() -> uploads.upload("name\nAda\n", fields()), 400, "mapping.email");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() {
        byte[] latin1 = "email,firstName\nj\u00f6rg@example.com,J\u00f6rg\n".getBytes(StandardCharsets.ISO_8859_1);
        refused(() -> uploads.upload(latin1, fields(), "marketer"), 400, "file: not UTF-8");
    }

    @Test
    void anEmptyFileIsRefused() {
        refused(() -> uploads.upload("", fields()), 400, "file: the file is empty");
    }

    @Test
    void aHeaderOfHundredThousandColumnsIsRefused() {
        refused(() -> uploads.upload("email" + ",c".repeat(100_000) + "\nx@example.com\n", fields()), 400,
                "file: the header has 100001 columns");
    }

    @Test
    void aHeaderThatNeverEndsIsRefused() {
        // one open quote and 20 MB after it: a single field, cut at 1,000 characters while read
        byte[] bomb = ("\"" + "x".repeat(20_000_000)).getBytes(StandardCharsets.UTF_8);
        refused(() -> uploads.upload(bomb, fields(), "marketer"), 400, "file: the header row");
    }

    @Test
    void moreRowsThanAFileMayHoldAreRefused() {
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i <= 500_000; i++) {
            csv.append("r").append(i).append("@x.io\n");
        }
        refused(() -> uploads.upload(csv.toString(), fields()), 413, "file: more than 500000 rows");
    }

    @Test
    void anUnknownTargetListOrAFlagThatIsNoBooleanIsRefused() {
        refused(() -> uploads.upload(CSV, fields("listId", "no-such-list")), 404, "no-such-list");
        refused(() -> uploads.upload(CSV, fields("dryRun", "maybe")), 400, "dryRun");
    }

    @Test
    void aBodyOverFiftyMegabytesIsRefusedUnread() throws Exception {
        long importsBefore = count("contact_import");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + NurtureClient.basic("marketer", "marketer") + "\r\nContent-Type: multipart/form-data; boundary=b"
                    + "\r\nContent-Length: 60000000\r\nConnection: close\r\n\r\n--b\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("nurture.limits.request-body.imports");
        }
        assertThat(count("contact_import")).isEqualTo(importsBefore);
    }

    @Test
    void noLoginNoUpload() {
        Response response = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/imports"))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b--\r\n")).build());
        assertThat(response.status()).isEqualTo(401);
    }

    private void refused(Supplier<Response> call, int status, String named) {
        long importsBefore = count("contact_import");
        long partsBefore = count("contact_import_part");
        Response response = call.get();
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(named);
        assertThat(count("contact_import")).as("no import stored").isEqualTo(importsBefore);
        assertThat(count("contact_import_part")).as("no upload kept").isEqualTo(partsBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE email = 'refused@example.com'").query(Long.class)
                .single()).isZero();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static byte[] readAll(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
