package io.nurture.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/** Uploads a CSV to {@code POST /api/imports} as a browser's form does (multipart), and waits for the import. */
final class Uploads {

    private final NurtureClient api;

    Uploads(NurtureClient api) {
        this.api = api;
    }

    /** {@code fields}: the form fields besides the file (mapping, dryRun, listId). */
    Response upload(byte[] csv, Map<String, String> fields, String user) {
        String boundary = "----nurture" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contacts.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n");
        body.writeBytes(csv);
        write(body, "\r\n--" + boundary + "--\r\n");
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/imports"))
                .header("Authorization", NurtureClient.basic(user, user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    Response upload(String csv, Map<String, String> fields) {
        return upload(csv.getBytes(StandardCharsets.UTF_8), fields, "marketer");
    }

    /** Uploads, expects 202 and waits until the import is done; answers its report. */
    JsonNode imported(String csv, Map<String, String> fields) {
        Response started = upload(csv, fields);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return done(started.json().get("id").asText());
    }

    JsonNode done(String importId) {
        JsonNode[] report = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            report[0] = api.get("/api/imports/" + importId, "marketer").json();
            return !report[0].get("status").asText().matches("QUEUED|RUNNING");
        });
        assertThat(report[0].get("status").asText()).as(report[0].toString()).isEqualTo("DONE");
        return report[0];
    }

    static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
