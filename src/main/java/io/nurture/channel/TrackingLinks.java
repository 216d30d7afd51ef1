package io.nurture.channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Builds and checks the public tracking links of a delivery. Each carries an HMAC-SHA256 over what it does and for
 * which delivery (and, for a click, the target), so nobody can forge an unsubscribe or turn the redirect into an open
 * redirect.
 */
@Component
public class TrackingLinks {

    private final String baseUrl;
    private final byte[] secret;

    TrackingLinks(@Value("${nurture.tracking.base-url}") String baseUrl,
            @Value("${nurture.tracking.secret}") String secret) {
        if (baseUrl.isBlank() || secret.isBlank()) {
            throw new IllegalStateException("Set nurture.tracking.base-url and nurture.tracking.secret "
                    + "(NURTURE_PUBLIC_URL and NURTURE_TRACKING_SECRET in the prod profile)");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The links one message carries; templates use {@code ${links.click('https://…')}}. */
    public DeliveryLinks forDelivery(String deliveryId) {
        return new DeliveryLinks(deliveryId);
    }

    public final class DeliveryLinks {

        private final String deliveryId;

        private DeliveryLinks(String deliveryId) {
            this.deliveryId = deliveryId;
        }

        public String open() {
            return baseUrl + "/t/open/" + deliveryId + "?s=" + sign("open", deliveryId);
        }

        public String click(String url) {
            return baseUrl + "/t/click/" + deliveryId + "?u=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + "&s="
                    + sign("click", deliveryId, url);
        }

        public String unsubscribe() {
            return baseUrl + "/t/unsubscribe/" + deliveryId + "?s=" + sign("unsubscribe", deliveryId);
        }

        public String preferences() {
            return baseUrl + "/t/preferences/" + deliveryId + "?s=" + sign("preferences", deliveryId);
        }
    }

    public boolean verify(String signature, String... parts) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(parts).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    String sign(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
