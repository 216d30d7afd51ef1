package io.nurture.channel;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** Short texts written in the diagram (SMS, in-app), personalised Thymeleaf-style: {@code Hi [[${firstName}]]}. */
@Component
public class TextTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    TextTemplates() {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    public String render(String text, Map<String, Object> model) {
        return text == null ? null : engine.process(text, new Context(null, model)).trim();
    }
}
