package io.nurture.channel;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The hosts a tracked link may send a recipient to ({@code nurture.tracking.link-hosts}, {@code *.example.com} for its
 * subdomains, plus the host of {@code nurture.tracking.base-url}). A signed link is only as safe as its target:
 * without this list a {@code cartUrl} from any event would be signed into mails as a redirect to anywhere.
 */
@Component
public class LinkHosts {

    static final String PROPERTY = "nurture.tracking.link-hosts";
    static final List<String> DEFAULT = List.of("nurture.example");

    private static final String HOST_NAME = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*";

    private final List<String> exact = new ArrayList<>();
    private final List<String> parents = new ArrayList<>();

    @Autowired
    LinkHosts(Environment environment) {
        this(Binder.get(environment).bind(PROPERTY, Bindable.listOf(String.class)).orElse(DEFAULT),
                environment.getProperty("nurture.tracking.base-url", ""));
    }

    LinkHosts(List<String> hosts, String baseUrl) {
        for (String entry : hosts) {
            String host = normalised(entry);
            if (host.startsWith("*.") && host.substring(2).matches(HOST_NAME)) {
                parents.add(host.substring(1));
            } else if (host.matches(HOST_NAME)) {
                exact.add(host);
            } else {
                throw new IllegalStateException(PROPERTY + ": '" + entry + "' is not a host name like shop.example.com "
                        + "or *.example.com");
            }
        }
        webAddress(baseUrl).map(URI::getHost).map(LinkHosts::normalised).ifPresent(exact::add);
    }

    /** An absolute http(s) address with a host, or empty: {@code javascript:}, relative and broken links are not. */
    public static Optional<URI> webAddress(String url) {
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(
                    uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (java.net.URISyntaxException | NullPointerException notAUri) {
            // not a web address
        }
        return Optional.empty();
    }

    /** Whether a link may lead to this address: http(s) and its host on the list. */
    public boolean allows(URI address) {
        if (address.getHost() == null) {
            return false;
        }
        String host = normalised(address.getHost());
        return exact.contains(host) || parents.stream().anyMatch(host::endsWith);
    }

    /** For messages: the list as configured, e.g. {@code nurture.example, *.shop.example}. */
    public String describe() {
        List<String> all = new ArrayList<>(exact);
        parents.forEach(parent -> all.add("*" + parent));
        return String.join(", ", all);
    }

    private static String normalised(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
