package io.nurture.channel.sms;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import io.nurture.channel.Channel;
import io.nurture.channel.Outbound;
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
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().requestFactory(requests).baseUrl(baseUrl)
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
            if (isPermanent(e.getStatusCode())) {
                throw new SendRejectedException("SMS provider refused the message: " + e.getStatusCode() + " "
                        + e.getResponseBodyAsString());
            }
            throw e;
        }
    }

    private static boolean isPermanent(HttpStatusCode status) {
        return status.is4xxClientError() && status.value() != 408 && status.value() != 429;
    }
}
