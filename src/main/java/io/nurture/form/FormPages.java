package io.nurture.form;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** The two small pages a browser sees when a form has no thank-you page of its own, or when a fill is refused. */
final class FormPages {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private FormPages() {
    }

    static ResponseEntity<String> thanks() {
        return page(HttpStatus.OK, "Thank you", "Thank you!", "We have received your details.");
    }

    static ResponseEntity<String> refused(HttpStatus status, String detail) {
        return page(status, "Not sent", "Your form was not sent", detail
                + (status == HttpStatus.BAD_REQUEST ? ". Please go back, correct it and send it again." : "."));
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String heading, String text) {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title></head>
                <body style="font-family: sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">
                <h1 id="heading">%s</h1>
                <p id="message">%s</p>
                </body>
                </html>
                """.formatted(title, heading, HtmlUtils.htmlEscape(text));
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore()).body(html);
    }
}
