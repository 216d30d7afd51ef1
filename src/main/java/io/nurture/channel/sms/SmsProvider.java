package io.nurture.channel.sms;

import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import io.nurture.channel.ProviderHttp;
import io.nurture.channel.SendRejectedException;

/**
 * SMS through an HTTP provider: {@code POST {base-url}/messages} with a bearer API key and
 * {@code {"from","to","text","reference"}}. A 5xx, 408, 429 or a network error is retried; any other 4xx is a
 * rejection of this message (an invalid number) and is not.
 */
@Component
@Conditional(SmsTransports.ProviderConfigured.class)
class SmsProvider implements SmsTransport {

    private final RestClient http;

    SmsProvider(@Value("${" + SmsTransports.BASE_URL + "}") String baseUrl,
            @Value("${nurture.channels.sms.api-key:}") String apiKey,
            @Value("${nurture.channels.sms.timeout:PT10S}") Duration timeout) {
        this.http = ProviderHttp.client(timeout).baseUrl(baseUrl)
                .defaultHeader("Authorization", "Bearer " + apiKey).build();
    }

    @Override
    public void deliver(SmsMessage message) {
        try {
            http.post().uri("/messages").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("from", message.from(), "to", message.to(), "text", message.text(), "reference",
                            message.reference()))
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
