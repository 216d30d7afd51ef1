package io.nurture.form;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nurture.web.InvalidInputException;

/**
 * Reads an {@code application/x-www-form-urlencoded} body strictly: a broken {@code %} escape or bytes that are not
 * text in the body's charset are refused as bad input (a lenient decoder would store U+FFFD or fail with a 500).
 */
final class UrlEncodedBody {

    private UrlEncodedBody() {
    }

    /** Each name with its values, in the order they came. */
    static Map<String, List<Object>> parse(String body, Charset charset) {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return values;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String decode(String encoded, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    throw new InvalidInputException("The form body is not URL-encoded: a % must be followed by two"
                            + " hex digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7f) {
                throw new InvalidInputException("The form body is not URL-encoded: it holds unescaped characters");
            } else {
                bytes.write(c);
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("The form body is not valid " + charset.name() + " text");
        }
    }
}
