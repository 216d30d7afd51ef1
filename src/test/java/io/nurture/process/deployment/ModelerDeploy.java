package io.nurture.process.deployment;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.nurture.NurtureClient;

/**
 * The request Camunda Modeler's deploy button sends to {@code /engine-rest/deployment/create}, as built by
 * {@code CamundaAPI.deployDiagram} (camunda-modeler, client/src/plugins/camunda-plugin/shared/CamundaAPI.js): a
 * browser FormData with {@code deployment-name}, {@code deployment-source} "Camunda Modeler",
 * {@code enable-duplicate-filtering} "true", the diagram as a {@code text/xml} part named by its file name, then the
 * attachments (the forms the user picked) as untyped blobs. Modeler before 4.7 sent {@code deploy-changed-only}
 * "true" instead of duplicate filtering.
 */
public final class ModelerDeploy {

    public enum Shape {
        CURRENT, BEFORE_4_7
    }

    private ModelerDeploy() {
    }

    /** {@code files}: file name to content, the diagram first. */
    public static HttpRequest request(String baseUrl, String user, String deploymentName, Map<String, byte[]> files,
            Shape shape) {
        String boundary = "----WebKitFormBoundary" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "deployment-name", deploymentName);
        field(body, boundary, "deployment-source", "Camunda Modeler");
        if (shape == Shape.CURRENT) {
            field(body, boundary, "enable-duplicate-filtering", "true");
        } else {
            field(body, boundary, "deploy-changed-only", "true");
        }
        boolean diagram = true;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                    + "\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: "
                    + (diagram ? "text/xml" : "application/octet-stream") + "\r\n\r\n");
            body.writeBytes(file.getValue());
            write(body, "\r\n");
            diagram = false;
        }
        write(body, "--" + boundary + "--\r\n");
        return HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/deployment/create"))
                .header("Authorization", NurtureClient.basic(user, user))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    /** Test files from {@code process/deployment/}, in the order given. */
    static Map<String, byte[]> files(String... names) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : names) {
            files.put(name, MaliciousDiagram.read(name));
        }
        return files;
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n");
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
