package io.nurture.channel;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Short texts written in the diagram (SMS, in-app, subject lines), personalised with {@code {{firstName}}}. Not
 * {@code ${…}}: the engine would evaluate that itself when it maps the step's inputs.
 */
@Component
public class TextTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

    public String render(String text, Map<String, Object> model) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            Object value = model.get(matcher.group(1));
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        matcher.appendTail(rendered);
        return rendered.toString().replaceAll("\\s+([,.!?])", "$1").trim();
    }
}
