package io.nurture.security;

import java.util.regex.Pattern;

/**
 * The only expressions a task query (ad-hoc, or-query or stored filter) may hold: the ones Tasklist's filters are made
 * of. Anything else would be evaluated by the engine with the rights of the server, so it is refused by the engine
 * ({@link QueryCheckedExpression}) and, earlier, by the HTTP guard ({@link ExpressionQueryGuardFilter}).
 */
final class QueryExpressions {

    static final String ALLOWED = "${currentUser()}, ${currentUserGroups()}, ${now()} and ${dateTime()} with"
            + " plus/minus{Millis,Seconds,Minutes,Hours,Days,Weeks,Months,Years}(n), withTimeAtStartOfDay(), toDate()";

    /** Whole text, no blanks, no nesting; a chain of at most eight date steps keeps the match linear and short. */
    private static final Pattern PATTERN = Pattern.compile("\\$\\{(?:currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
            + "|dateTime\\(\\)(?:\\.(?:plus|minus)(?:Millis|Seconds|Minutes|Hours|Days|Weeks|Months|Years)\\(\\d{1,6}\\)"
            + "|\\.withTimeAtStartOfDay\\(\\)){0,8}(?:\\.toDate\\(\\))?)}");

    private static final int SHOWN = 80;

    private QueryExpressions() {
    }

    static boolean isAllowed(String text) {
        return text != null && PATTERN.matcher(text).matches();
    }

    /** The text as it may appear in an error message: short, on one line. */
    static String shown(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= SHOWN ? oneLine : oneLine.substring(0, SHOWN) + "...";
    }
}
