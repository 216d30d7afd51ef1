package io.nurture.channel.sms;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import io.nurture.channel.Channel;
import io.nurture.channel.Outbound;
import io.nurture.channel.ProviderHttp;
import io.nurture.channel.SendRejectedException;
import io.nurture.channel.TextTemplates;
import io.nurture.contact.Contact;

/**
 * SMS through an HTTP provider: {@code POST {base-url}/messages} with a bearer API key and
 * {@code {"from","to","text","reference"}}. A 5xx, 408, 429 or a network error is retried; any other 4xx is a
 * rejection of this message (an invalid number) and is not.
 */
@Component
class SmsChannel implements Channel {

    private final RestClient http;
    private final TextTemplates texts;
    private final String from;

    SmsChannel(TextTemplates texts, @Value("${nurture.channels.sms.base-url}") String baseUrl,
            @Value("${nurture.channels.sms.api-key:}") String apiKey,
            @Value("${nurture.channels.sms.from:Nurture}") String from,
            @Value("${nurture.channels.sms.timeout:PT10S}") Duration timeout) {
        this.http = ProviderHttp.client(timeout).baseUrl(baseUrl)
                .defaultHeader("Authorization", "Bearer " + apiKey).build();
        this.texts = texts;
        this.from = from;
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public Optional<String> address(Contact contact) {
        return Optional.ofNullable(contact.phone()).map(phone -> phone.replaceAll("[ ()-]", ""));
    }

    @Override
    public void send(Outbound message) {
        String text = texts.render(message.input("text"), message.personalisation());
        try {
            http.post().uri("/messages").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("from", from, "to", message.address(), "text", text, "reference",
                            message.deliveryId()))
                    .retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            if (ProviderHttp.isPermanent(e.getStatusCode())) {
                throw new SendRejectedException("SMS provider refused the message: " + e.getStatusCode() + " "
                        + e.getResponseBodyAsString());
            }
            throw e;
        }
    }
}
