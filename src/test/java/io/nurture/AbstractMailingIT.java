package io.nurture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * For a {@code @SpringBootTest} on a random port: its mail goes to a real SMTP server (GreenMail), and {@link #api}
 * calls its HTTP API.
 */
public abstract class AbstractMailingIT {

    @RegisterExtension
    protected static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @LocalServerPort
    protected int port;

    protected NurtureClient api;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @BeforeEach
    protected void client() {
        api = new NurtureClient(port);
    }
}
