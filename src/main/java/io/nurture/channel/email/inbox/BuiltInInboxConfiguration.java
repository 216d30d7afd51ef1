package io.nurture.channel.email.inbox;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Without {@code spring.mail.host}, mail goes to an embedded SMTP server (GreenMail) on 127.0.0.1 and is listed at
 * {@code /inbox}, so a first run shows what the campaigns send without any mail setup.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(BuiltInInboxConfiguration.NoMailHost.class)
class BuiltInInboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BuiltInInboxConfiguration.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail builtInInbox(@Value("${nurture.inbox.smtp-port:2525}") int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        return new GreenMail(port == 0 ? smtp.dynamicPort() : smtp);
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail builtInInbox) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(builtInInbox.getSmtp().getPort());
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        sender.setJavaMailProperties(properties);
        log.info("No spring.mail.host set: sending mail to the built-in inbox on 127.0.0.1:{}, listed at /inbox",
                sender.getPort());
        return sender;
    }

    static class NoMailHost implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.mail.host");
        }
    }
}
