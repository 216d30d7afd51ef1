package io.nurture.channel.email;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders {@code templates/email/NAME.html} and {@code NAME.txt} with Thymeleaf, apart from the web views. */
@Component
class EmailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    EmailTemplates() {
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
    }

    String html(String template, Map<String, Object> model) {
        return engine.process(template + ".html", new Context(null, model));
    }

    String text(String template, Map<String, Object> model) {
        return engine.process(template + ".txt", new Context(null, model));
    }

    boolean exists(String template) {
        return getClass().getClassLoader().getResource("templates/email/" + template + ".html") != null
                && getClass().getClassLoader().getResource("templates/email/" + template + ".txt") != null;
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/email/");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }
}
