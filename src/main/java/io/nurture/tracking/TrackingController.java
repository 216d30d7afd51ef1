package io.nurture.tracking;

import java.net.URI;
import java.util.Base64;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.nurture.channel.DeliveryLog.Delivery;
import io.nurture.channel.DeliveryLog;
import io.nurture.channel.LinkHosts;
import io.nurture.channel.TrackingLinks;
import io.nurture.contact.Contact;
import io.nurture.contact.ContactProfile;
import io.nurture.contact.ContactRepository;
import io.nurture.web.InvalidInputException;

/**
 * The public side of tracking, no login: open pixel, click redirect, unsubscribe (GET confirms, POST does it, also as
 * RFC 8058 one-click) and the preference page. Every link is signed; a wrong signature, an unknown send or a target
 * that is not http(s) on one of the {@link LinkHosts} is a 400, never a redirect.
 */
@Controller
class TrackingController {

    private static final byte[] PIXEL = Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final TrackingLinks links;
    private final DeliveryLog deliveries;
    private final TrackedEvents events;
    private final ContactRepository contacts;
    private final LinkHosts linkHosts;

    TrackingController(TrackingLinks links, DeliveryLog deliveries, TrackedEvents events, ContactRepository contacts,
            LinkHosts linkHosts) {
        this.links = links;
        this.deliveries = deliveries;
        this.events = events;
        this.contacts = contacts;
        this.linkHosts = linkHosts;
    }

    @GetMapping("/t/open/{deliveryId}")
    ResponseEntity<byte[]> open(@PathVariable String deliveryId, @RequestParam(name = "s", required = false) String s) {
        events.opened(verified(s, deliveryId, "open", deliveryId));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(CacheControl.noStore()).body(PIXEL);
    }

    @GetMapping("/t/click/{deliveryId}")
    ResponseEntity<Void> click(@PathVariable String deliveryId, @RequestParam(name = "u", required = false) String url,
            @RequestParam(name = "s", required = false) String s) {
        if (url == null) {
            throw new InvalidInputException("This link has no target");
        }
        Delivery delivery = verified(s, deliveryId, "click", deliveryId, url);
        URI target = httpTarget(url);
        events.clicked(delivery, url);
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, target.toString())
                .cacheControl(CacheControl.noStore()).build();
    }

    @GetMapping("/t/unsubscribe/{deliveryId}")
    String confirmUnsubscribe(@PathVariable String deliveryId, @RequestParam(name = "s", required = false) String s,
            Model model) {
        Delivery delivery = verified(s, deliveryId, "unsubscribe", deliveryId);
        model.addAttribute("email", contactOf(delivery).email());
        model.addAttribute("action", "/t/unsubscribe/" + deliveryId + "?s=" + s);
        return "tracking/unsubscribe";
    }

    /** The confirm button and mail clients' one-click (body {@code List-Unsubscribe=One-Click}) both land here. */
    @PostMapping("/t/unsubscribe/{deliveryId}")
    String unsubscribe(@PathVariable String deliveryId, @RequestParam(name = "s", required = false) String s,
            Model model) {
        Delivery delivery = verified(s, deliveryId, "unsubscribe", deliveryId);
        events.unsubscribed(delivery);
        model.addAttribute("email", contactOf(delivery).email());
        return "tracking/unsubscribed";
    }

    @GetMapping("/t/preferences/{deliveryId}")
    String preferences(@PathVariable String deliveryId, @RequestParam(name = "s", required = false) String s,
            Model model) {
        Delivery delivery = verified(s, deliveryId, "preferences", deliveryId);
        return showPreferences(contactOf(delivery), deliveryId, s, false, model);
    }

    @PostMapping("/t/preferences/{deliveryId}")
    String savePreferences(@PathVariable String deliveryId, @RequestParam(name = "s", required = false) String s,
            @RequestParam(name = "email", defaultValue = "false") boolean email,
            @RequestParam(name = "sms", defaultValue = "false") boolean sms, Model model) {
        Delivery delivery = verified(s, deliveryId, "preferences", deliveryId);
        ContactProfile consent = new ContactProfile(null, null, null, null, null, null, null, null, email, sms);
        boolean wasTicked = emailTicked(contactOf(delivery));
        // a change of the e-mail box is an event like any (un)subscribe: campaigns end, the history shows it
        if (email && !wasTicked) {
            events.resubscribed(delivery, consent);
        } else if (!email && wasTicked) {
            events.unsubscribed(delivery, consent);
        } else {
            contacts.updateProfile(delivery.contactId(), consent);
        }
        return showPreferences(contactOf(delivery), deliveryId, s, true, model);
    }

    private static boolean emailTicked(Contact contact) {
        return !Boolean.FALSE.equals(contact.consentEmail()) && !contact.unsubscribed();
    }

    private String showPreferences(Contact contact, String deliveryId, String s, boolean saved, Model model) {
        model.addAttribute("email", contact.email());
        model.addAttribute("emailConsent", emailTicked(contact));
        model.addAttribute("smsConsent", Boolean.TRUE.equals(contact.consentSms()));
        model.addAttribute("hasPhone", contact.phone() != null);
        model.addAttribute("unsubscribed", contact.unsubscribed());
        model.addAttribute("saved", saved);
        model.addAttribute("action", "/t/preferences/" + deliveryId + "?s=" + s);
        return "tracking/preferences";
    }

    private Delivery verified(String signature, String deliveryId, String... signed) {
        if (!links.verify(signature, signed)) {
            throw new InvalidInputException("This tracking link is not valid (wrong or missing signature)");
        }
        return deliveries.find(deliveryId)
                .orElseThrow(() -> new InvalidInputException("This tracking link belongs to no known message"));
    }

    private Contact contactOf(Delivery delivery) {
        return contacts.findById(delivery.contactId())
                .orElseThrow(() -> new InvalidInputException("This tracking link belongs to no known message"));
    }

    /** Signed links made before a host left the list, or cartUrls stored before there was one, redirect no more. */
    private URI httpTarget(String url) {
        URI target = LinkHosts.webAddress(url)
                .orElseThrow(() -> new InvalidInputException("This link's target is not a web address"));
        if (!linkHosts.allows(target)) {
            throw new InvalidInputException("This link's target host " + target.getHost()
                    + " is not one Nurture links to (nurture.tracking.link-hosts)");
        }
        return target;
    }
}
