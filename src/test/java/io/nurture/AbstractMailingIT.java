package io.nurture;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;

/** For the suites of an {@link SmtpAppTest} context: {@link #smtp} got its mail, and {@link #api} calls its HTTP API. */
@SmtpAppTest
public abstract class AbstractMailingIT {

    protected static final GreenMail smtp = TestSmtp.server();

    @LocalServerPort
    protected int port;

    protected NurtureClient api;

    @BeforeEach
    protected void client() {
        api = new NurtureClient(port);
    }
}
