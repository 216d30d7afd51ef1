package io.nurture;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * One SMTP server (GreenMail) for the whole test run, set as {@code spring.mail.*} of the contexts that
 * {@link SmtpAppTest} starts. A server per suite would have a port of its own, and so would need a context of its own.
 * Mails stay for the run: suites look for their own recipients.
 */
public final class TestSmtp implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final GreenMail SERVER = start();

    public static GreenMail server() {
        return SERVER;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + SERVER.getSmtp().getPort())
                .applyTo(context);
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-smtp-stop"));
        return server;
    }
}
