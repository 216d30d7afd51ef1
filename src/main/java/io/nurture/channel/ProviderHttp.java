package io.nurture.channel;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** What the HTTP adapters (SMS provider, webhooks) share: timeouts, HTTP/1.1, and which answers are final. */
public final class ProviderHttp {

    private ProviderHttp() {
    }

    public static RestClient.Builder client(Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        return RestClient.builder().requestFactory(requests);
    }

    /** A 4xx other than 408 and 429 refuses this message for good; retrying would not help. */
    public static boolean isPermanent(HttpStatusCode status) {
        return status.is4xxClientError() && status.value() != 408 && status.value() != 429;
    }
}
