package io.nurture.campaign;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.nurture.channel.LinkHosts;
import io.nurture.event.EventPropertyRule;
import io.nurture.event.EventType;
import io.nurture.process.ProcessVariables;
import io.nurture.web.InvalidInputException;

/**
 * What a {@code cart_abandoned} hands to {@code cart-abandonment}: {@code cartUrl}, an http(s) address on one of the
 * {@link LinkHosts} (the reminder mails sign it into their click links), and {@code cartValue}, a number. Checked
 * when the event comes in, and again by the hand-over itself, so nothing else ever becomes a process variable.
 */
@Component
class CartProperties implements EventPropertyRule {

    /** The event's properties are named as the variables they become. */
    static final String URL = ProcessVariables.CART_URL;
    static final String VALUE = ProcessVariables.CART_VALUE;

    private final LinkHosts linkHosts;

    CartProperties(LinkHosts linkHosts) {
        this.linkHosts = linkHosts;
    }

    @Override
    public void check(EventType type, Map<String, Object> properties) {
        if (properties != null) {
            variablesOf(properties);
        }
    }

    /** The process variables: {@code cartUrl} a string ("" when none was given), {@code cartValue} a number or null. */
    Map<String, Object> variablesOf(Map<String, Object> properties) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(URL, cartUrl(properties.get(URL)));
        variables.put(VALUE, cartValue(properties.get(VALUE)));
        return variables;
    }

    private String cartUrl(Object value) {
        if (value == null || value instanceof String blank && blank.isBlank()) {
            return "";
        }
        URI address = value instanceof String url ? LinkHosts.webAddress(url.trim()).orElse(null) : null;
        if (address == null) {
            throw new InvalidInputException("properties.cartUrl must be an http(s) address like "
                    + "https://shop.example/cart/42");
        }
        if (!linkHosts.allows(address)) {
            throw new InvalidInputException("properties.cartUrl must point to a host Nurture links to ("
                    + linkHosts.describe() + "; set nurture.tracking.link-hosts), not " + address.getHost());
        }
        return address.toString();
    }

    private static Number cartValue(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long || value instanceof Double)
                || ((Number) value).doubleValue() < 0) {
            throw new InvalidInputException("properties.cartValue must be a non-negative number, e.g. 49.90");
        }
        return (Number) value;
    }
}
