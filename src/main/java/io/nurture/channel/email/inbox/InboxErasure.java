package io.nurture.channel.email.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;

import io.nurture.contact.ContactErased;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

/**
 * An erased contact's mails leave the built-in inbox too: every message delivered to the address or naming it as a
 * recipient, and the inbox's account for it. They are counted inside the erasure's transaction and deleted once it
 * has committed, so an erasure that rolls back keeps them.
 */
@Component
@Conditional(BuiltInInboxConfiguration.NoMailHost.class)
class InboxErasure {

    private final GreenMail inbox;

    InboxErasure(GreenMail inbox) {
        this.inbox = inbox;
    }

    @EventListener
    void count(ContactErased erased) {
        if (erased.email() != null) {
            erased.count("inboxMails", addressedTo(erased.email()).size());
        }
    }

    @TransactionalEventListener
    void delete(ContactErased erased) {
        if (erased.email() == null) {
            return;
        }
        Set<MailFolder> touched = new HashSet<>();
        for (Found found : addressedTo(erased.email())) {
            found.message().setFlag(Flags.Flag.DELETED, true);
            touched.add(found.folder());
        }
        for (MailFolder folder : touched) {
            try {
                folder.expunge();
            } catch (FolderException e) {
                throw new IllegalStateException("Cannot delete mails from the built-in inbox", e);
            }
        }
        GreenMailUser account = inbox.getUserManager().getUserByEmail(erased.email());
        if (account != null) {
            inbox.getUserManager().deleteUser(account);
        }
    }

    private record Found(MailFolder folder, StoredMessage message) {
    }

    private List<Found> addressedTo(String email) {
        ImapHostManager imap = inbox.getManagers().getImapHostManager();
        try {
            GreenMailUser account = inbox.getUserManager().getUserByEmail(email);
            Collection<MailFolder> own = account == null ? List.of() : imap.listMailboxes(account, "*");
            List<Found> found = new ArrayList<>();
            for (MailFolder folder : imap.getStore().listMailboxes("*")) {
                for (StoredMessage message : folder.getMessages()) {
                    if (own.contains(folder) || namesRecipient(message, email)) {
                        found.add(new Found(folder, message));
                    }
                }
            }
            return found;
        } catch (FolderException e) {
            throw new IllegalStateException("Cannot read the built-in inbox", e);
        }
    }

    private static boolean namesRecipient(StoredMessage message, String email) {
        try {
            Address[] recipients = message.getMimeMessage().getAllRecipients();
            if (recipients == null) {
                return false;
            }
            for (Address recipient : recipients) {
                if (recipient instanceof InternetAddress address && email.equalsIgnoreCase(address.getAddress())) {
                    return true;
                }
            }
            return false;
        } catch (MessagingException unreadable) {
            return false;
        }
    }
}
