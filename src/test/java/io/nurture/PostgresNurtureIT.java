package io.nurture;

import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The same integration suite on the real PostgreSQL at 127.0.0.1:5432 (database {@code test}, whose public schema is
 * emptied first), with the {@code postgres} profile and the built-in SMTP inbox. In CI an unreachable database fails
 * the build; on a laptop without PostgreSQL the suite is skipped with a message.
 */
@InboxAppTest
@OnPostgres
class PostgresNurtureIT extends AbstractNurtureIT {

    @Override
    List<SentMail> mailsTo(String address) {
        var inbox = api.get("/api/inbox", "demo").json();
        return StreamSupport.stream(inbox.spliterator(), false)
                .filter(mail -> mail.get("to").asText().contains(address))
                .map(mail -> new SentMail(mail.get("to").asText(), mail.get("subject").asText(),
                        mail.get("text").asText().trim(), mail.get("html").asText(), mail.get("messageId").asText()))
                .toList();
    }
}
