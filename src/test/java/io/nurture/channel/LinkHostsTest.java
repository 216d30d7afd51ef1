package io.nurture.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinkHostsTest {

    private final LinkHosts hosts = new LinkHosts(List.of("nurture.example", "*.shop.example", "Partner.Example."),
            "https://mail.nurture.test/");

    @Test
    void listedHostsTheirWildcardSubdomainsAndTheTrackingHostAreAllowed() {
        assertThat(allows("https://nurture.example/guides")).isTrue();
        assertThat(allows("http://NURTURE.example:8443/x?y=z")).isTrue();
        assertThat(allows("https://nurture.example./")).isTrue();
        assertThat(allows("https://eu.shop.example/cart/42")).isTrue();
        assertThat(allows("https://a.b.shop.example/cart")).isTrue();
        assertThat(allows("https://partner.example/")).isTrue();
        assertThat(allows("https://mail.nurture.test/t/preferences/x")).isTrue();
    }

    @Test
    void everythingElseIsNot() {
        assertThat(allows("https://evil.example/")).isFalse();
        assertThat(allows("https://shop.example/")).as("*.shop.example means its subdomains").isFalse();
        assertThat(allows("https://evilshop.example/")).isFalse();
        assertThat(allows("https://nurture.example.evil.example/")).isFalse();
        assertThat(allows("https://www.nurture.example/")).as("no wildcard, no subdomains").isFalse();
        assertThat(allows("https://nurture.example@evil.example/")).as("user info is not the host").isFalse();
        assertThat(allows("https://evil.example/?https://nurture.example/")).isFalse();
    }

    @Test
    void onlyAbsoluteHttpAddressesWithAHostAreWebAddresses() {
        assertThat(LinkHosts.webAddress("https://nurture.example/a b")).isEmpty();
        assertThat(LinkHosts.webAddress("javascript:alert(1)")).isEmpty();
        assertThat(LinkHosts.webAddress("//nurture.example/")).isEmpty();
        assertThat(LinkHosts.webAddress("/relative")).isEmpty();
        assertThat(LinkHosts.webAddress("ftp://nurture.example/")).isEmpty();
        assertThat(LinkHosts.webAddress("https:///no-host")).isEmpty();
        assertThat(LinkHosts.webAddress("https://nurture.example\\@evil.example/")).isEmpty();
        assertThat(LinkHosts.webAddress(null)).isEmpty();
        assertThat(LinkHosts.webAddress("https://nurture.example/cart?id=1#top")).isPresent();
    }

    @Test
    void aListEntryThatIsNoHostNameStopsTheStart() {
        assertThatThrownBy(() -> new LinkHosts(List.of("https://nurture.example/"), ""))
                .hasMessageContaining("nurture.tracking.link-hosts").hasMessageContaining("https://nurture.example/");
        assertThatThrownBy(() -> new LinkHosts(List.of("*"), "")).hasMessageContaining("'*'");
        assertThatThrownBy(() -> new LinkHosts(List.of("*.example.*"), "")).hasMessageContaining("*.example.*");
    }

    private boolean allows(String url) {
        return LinkHosts.webAddress(url).map(hosts::allows).orElse(false);
    }
}
