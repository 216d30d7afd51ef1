package io.nurture.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.channel.Channel;
import io.nurture.channel.Outbound;
import io.nurture.channel.ProviderHttp;
import io.nurture.channel.SendRejectedException;
import io.nurture.contact.Contact;

/**
 * Webhooks for CRM sync and chat tools: a JSON POST to an endpoint named in configuration
 * ({@code nurture.channels.webhook.endpoints.NAME.url} and {@code .secret}), signed with
 * {@code X-Nurture-Signature: sha256=HEX(HMAC-SHA256(secret, body))}; {@code X-Nurture-Delivery} lets the receiver
 * drop a redelivery. The diagram names the endpoint, never a URL.
 */
@Component
class WebhookChannel implements Channel {

    record Endpoint(String url, String secret) {
    }

    private final Map<String, Endpoint> endpoints;
    private final RestClient http;
    private final ObjectMapper json;

    WebhookChannel(Environment environment, ObjectMapper json,
            @Value("${nurture.channels.webhook.timeout:PT10S}") Duration timeout) {
        this.endpoints = Binder.get(environment).bind("nurture.channels.webhook.endpoints",
                Bindable.mapOf(String.class, Endpoint.class)).orElse(Map.of());
        this.http = ProviderHttp.client(timeout).build();
        this.json = json;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public Optional<String> address(Contact contact) {
        return Optional.of(contact.id());
    }

    @Override
    public boolean reachesThePerson() {
        return false;
    }

    boolean hasEndpoint(String name) {
        return endpoints.containsKey(name);
    }

    @Override
    public Rendered render(Outbound message) {
        return new Rendered("POST to webhook '" + message.input("endpoint") + "'", body(message));
    }

    @Override
    public void send(Outbound message) {
        Endpoint endpoint = endpoints.get(message.input("endpoint"));
        if (endpoint == null) {
            throw new IllegalStateException("No webhook endpoint '" + message.input("endpoint")
                    + "' in nurture.channels.webhook.endpoints");
        }
        String body = body(message);
        try {
            http.post().uri(endpoint.url()).contentType(MediaType.APPLICATION_JSON)
                    .header("X-Nurture-Delivery", message.deliveryId())
                    .header("X-Nurture-Signature", "sha256=" + hmac(endpoint.secret(), body))
                    .body(body).retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            if (ProviderHttp.isPermanent(e.getStatusCode())) {
                throw new SendRejectedException("Webhook refused: " + e.getStatusCode());
            }
            throw e;
        }
    }

    private String body(Outbound message) {
        Contact contact = message.contact();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", contact.id());
        person.put("email", contact.email());
        person.put("firstName", contact.firstName());
        person.put("lastName", contact.lastName());
        person.put("company", contact.company());
        person.put("lifecycleStage", contact.lifecycleStage().name());
        person.put("score", contact.score());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deliveryId", message.deliveryId());
        payload.put("event", message.input("event"));
        payload.put("campaign", message.request().campaign());
        payload.put("step", message.request().step());
        payload.put("sentAt", Instant.now().toString());
        payload.put("contact", person);
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
