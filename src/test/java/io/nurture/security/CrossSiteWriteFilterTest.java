package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CrossSiteWriteFilterTest {

    @Test
    void theBrowsersFetchSiteDecidesWhenItIsSent() {
        assertThat(CrossSiteWriteFilter.fromAnotherSite(request("cross-site", null))).isTrue();
        assertThat(CrossSiteWriteFilter.fromAnotherSite(request("same-site", null))).isTrue();
        assertThat(CrossSiteWriteFilter.fromAnotherSite(request("same-origin", "https://evil.example"))).isFalse();
        assertThat(CrossSiteWriteFilter.fromAnotherSite(request("none", null))).isFalse();
    }

    @Test
    void withoutItTheOriginMustNameTheHostAsked() {
        assertThat(CrossSiteWriteFilter.fromAnotherSite(request(null, null))).as("a script").isFalse();
        assertThat(CrossSiteWriteFilter.fromAnotherSite(request(null, "https://nurture.example"))).isFalse();
        assertThat(CrossSiteWriteFilter.fromAnotherSite(request(null, "http://nurture.example"))).as("behind TLS")
                .isFalse();
        assertThat(CrossSiteWriteFilter.fromAnotherSite(request(null, "https://nurture.example:8443"))).isTrue();
        assertThat(CrossSiteWriteFilter.fromAnotherSite(request(null, "https://nurture.example.evil.test"))).isTrue();
        assertThat(CrossSiteWriteFilter.fromAnotherSite(request(null, "null"))).isTrue();
        assertThat(CrossSiteWriteFilter.fromAnotherSite(request(null, "https://nurture.example/path"))).isTrue();
        assertThat(CrossSiteWriteFilter.fromAnotherSite(request(null, "::not a uri"))).isTrue();
    }

    private static MockHttpServletRequest request(String fetchSite, String origin) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/events");
        request.addHeader("Host", "nurture.example");
        if (fetchSite != null) {
            request.addHeader("Sec-Fetch-Site", fetchSite);
        }
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        return request;
    }
}
