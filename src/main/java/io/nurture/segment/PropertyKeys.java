package io.nurture.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.nurture.web.InvalidInputException;

/**
 * Property names as sites write them ({@code "Plan Name"}) made names Nurture stores ({@code planName}): a name with
 * spaces becomes lower camel case, at every level. Any other name is left as it is, so the event limits still refuse
 * what cannot be stored, naming it. Two names that become one are refused: which value did the site mean?
 */
final class PropertyKeys {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** The characters a stored name may hold ({@code EventLimits}), plus the spaces this class takes out. */
    private static final Pattern RENAMEABLE = Pattern.compile("[A-Za-z0-9_$.:\\-\\s]+");

    private PropertyKeys() {
    }

    static Map<String, Object> camelCased(String path, Map<String, Object> properties) {
        Map<String, Object> renamed = new LinkedHashMap<>();
        Map<String, String> givenAs = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            String name = camelCase(key);
            String earlier = givenAs.putIfAbsent(name, key);
            if (earlier != null) {
                throw new InvalidInputException(path + "." + earlier + " and " + path + "." + key + " are both "
                        + path + "." + name + " once spaces are taken out of property names; give one of them");
            }
            renamed.put(name, renamedValue(path + "." + name, value));
        });
        return renamed;
    }

    static String camelCase(String key) {
        String trimmed = key.strip();
        if (!SPACES.matcher(trimmed).find() || !RENAMEABLE.matcher(trimmed).matches()) {
            return key;
        }
        String[] words = SPACES.split(trimmed);
        StringBuilder name = new StringBuilder(firstWord(words[0]));
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    /** {@code Plan} → {@code plan}, {@code URL} → {@code url}, {@code iOS} stays. */
    private static String firstWord(String word) {
        if (word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
            return word.toLowerCase(java.util.Locale.ROOT);
        }
        return Character.toLowerCase(word.charAt(0)) + word.substring(1);
    }

    @SuppressWarnings("unchecked")
    private static Object renamedValue(String path, Object value) {
        if (value instanceof Map<?, ?> map) {
            return camelCased(path, (Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                items.add(renamedValue(path + "[" + i + "]", list.get(i)));
            }
            return items;
        }
        return value;
    }
}
