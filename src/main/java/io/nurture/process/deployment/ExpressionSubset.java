package io.nurture.process.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JUEL a Nurture diagram may contain, checked by a tokenizer and a recursive-descent parser of just that subset.
 * Everything the grammar below does not produce is refused, so a new JUEL trick needs no new rule here.
 *
 * <pre>
 * expression := or
 * or         := and (('||' | 'or') and)*
 * and        := equality (('&amp;&amp;' | 'and') equality)*
 * equality   := relation (('==' | '!=' | 'eq' | 'ne') relation)*
 * relation   := unary (('&lt;' | '&gt;' | '&lt;=' | '&gt;=' | 'lt' | 'gt' | 'le' | 'ge') unary)*
 * unary      := ('!' | 'not') unary | '-' number | primary
 * primary    := '(' expression ')' | string | number | true | false | null
 *             | identifier                              -- a delegate bean or a variable: ${sendEmail}, ${engaged}
 *             | 'execution' '.' harmless-property       -- #{execution.processBusinessKey}
 *             | 'funnel' '.' 'stageFor' '(' string ')'  -- ${funnel.stageFor('sales-accepted')}
 *             | 'dateTime' '(' ')' ('.' step)* '.' 'toDate' '(' ')'  -- ${dateTime().plusDays(2).toDate()}
 * step       := plusDays '(' integer | identifier ')' | … | withTimeAtStartOfDay '(' ')'
 * </pre>
 *
 * Tokens are the JUEL scanner's, restricted to ASCII names and to the escapes it knows in strings, so a text this
 * parser accepts is read by the engine in the same way.
 */
final class ExpressionSubset {

    /** Getters of the execution that return a plain string: no services, no variables map, no model. */
    static final Set<String> EXECUTION_PROPERTIES = Set.of("id", "processInstanceId", "processBusinessKey",
            "businessKey", "processDefinitionId", "currentActivityId", "currentActivityName", "activityInstanceId",
            "parentActivityInstanceId", "currentTransitionId", "parentId", "eventName", "tenantId");

    static final Set<String> DATE_STEPS = Set.of("plusYears", "plusMonths", "plusWeeks", "plusDays", "plusHours",
            "plusMinutes", "minusYears", "minusMonths", "minusWeeks", "minusDays", "minusHours", "minusMinutes");

    /** Objects the engine puts in scope: only as the root of an allowed shape, never on their own. */
    private static final Set<String> NOT_ALONE = Set.of("execution", "task", "externalTask", "caseExecution",
            "variableScope", "funnel");

    private static final String ALLOWED_CALLS = "the only calls allowed are funnel.stageFor('…') and "
            + "dateTime().plusDays(n)….toDate()";

    private ExpressionSubset() {
    }

    /** Why each {@code ${…}} or {@code #{…}} in the text is refused; empty when all of them are allowed. */
    static List<String> refusals(String text) {
        List<String> refusals = new ArrayList<>();
        int start = nextStart(text, 0);
        while (start >= 0) {
            Parser parser = new Parser(text, start + 2);
            try {
                parser.expressionUntilEnd();
                start = nextStart(text, parser.position());
            } catch (Refused refused) {
                refusals.add(snippet(text, start) + ": " + refused.getMessage());
                start = nextStart(text, start + 2);
            }
        }
        return refusals;
    }

    /**
     * Where the next expression starts, read as JUEL's scanner reads text: {@code $} or {@code #} and an opening brace
     * start one unless a backslash stands right before them. Skipping exactly what JUEL skips keeps both on the same boundaries, so a
     * string opened after an escaped start cannot hide the real expression that JUEL finds inside it.
     */
    private static int nextStart(String text, int from) {
        for (int i = from; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            boolean escaped = i > from && text.charAt(i - 1) == '\\';
            if ((c == '$' || c == '#') && text.charAt(i + 1) == '{' && !escaped) {
                return i;
            }
        }
        return -1;
    }

    private static String snippet(String text, int start) {
        int end = text.indexOf('}', start);
        String expression = end < 0 ? text.substring(start) : text.substring(start, end + 1);
        return expression.length() > 80 ? expression.substring(0, 77) + "..." : expression;
    }

    static final class Refused extends Exception {

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private enum Kind {
        IDENTIFIER, STRING, NUMBER, LITERAL, LPAREN, RPAREN, DOT, COMMA, NOT, MINUS, AND, OR, EQUALITY, RELATION, END
    }

    private record Token(Kind kind, String text) {

        boolean is(Kind wanted) {
            return kind == wanted;
        }

        String shown() {
            return kind == Kind.END ? "}" : kind == Kind.STRING ? "'" + text + "'" : text;
        }
    }

    private static final Map<String, Kind> KEYWORDS = Map.ofEntries(Map.entry("and", Kind.AND),
            Map.entry("or", Kind.OR), Map.entry("not", Kind.NOT), Map.entry("eq", Kind.EQUALITY),
            Map.entry("ne", Kind.EQUALITY), Map.entry("lt", Kind.RELATION), Map.entry("gt", Kind.RELATION),
            Map.entry("le", Kind.RELATION), Map.entry("ge", Kind.RELATION), Map.entry("true", Kind.LITERAL),
            Map.entry("false", Kind.LITERAL), Map.entry("null", Kind.LITERAL));

    private static final Set<String> REFUSED_KEYWORDS = Set.of("empty", "instanceof", "div", "mod");

    /** JUEL's scanner for the allowed tokens; every other character ends the check with the reason. */
    private static final class Scanner {

        private final String input;
        private int position;

        Scanner(String input, int position) {
            this.input = input;
            this.position = position;
        }

        Token next() throws Refused {
            while (position < input.length() && " \t\r\n".indexOf(input.charAt(position)) >= 0) {
                position++;
            }
            if (position >= input.length()) {
                throw new Refused("the expression is not closed with }");
            }
            char c = input.charAt(position);
            char following = position + 1 < input.length() ? input.charAt(position + 1) : 0;
            switch (c) {
                case '}': return fixed(Kind.END, "}");
                case '(': return fixed(Kind.LPAREN, "(");
                case ')': return fixed(Kind.RPAREN, ")");
                case ',': return fixed(Kind.COMMA, ",");
                case '.': return fixed(Kind.DOT, ".");
                case '\'':
                case '"': return string(c);
                case '[':
                case ']': throw new Refused("bracket access [...] is not allowed");
                case ';': throw new Refused("a semicolon (more than one statement) is not allowed");
                case '{': throw new Refused("braces (set or map literals) are not allowed");
                case '?':
                case ':': throw new Refused("the conditional operator ?: is not allowed");
                case '+':
                case '*':
                case '/':
                case '%': throw new Refused("arithmetic (" + c + ") is not allowed");
                case '-':
                    if (following == '>') {
                        throw new Refused("a lambda (->) is not allowed");
                    }
                    return fixed(Kind.MINUS, "-");
                case '=':
                    if (following == '=') {
                        return fixed(Kind.EQUALITY, "==");
                    }
                    throw new Refused("an assignment (=) is not allowed");
                case '!':
                    return following == '=' ? fixed(Kind.EQUALITY, "!=") : fixed(Kind.NOT, "!");
                case '<':
                case '>':
                    return following == '=' ? fixed(Kind.RELATION, c + "=") : fixed(Kind.RELATION, String.valueOf(c));
                case '&':
                case '|':
                    if (following == c) {
                        return fixed(c == '&' ? Kind.AND : Kind.OR, c + "" + c);
                    }
                    throw new Refused("the operator " + c + " is not allowed");
                default:
                    break;
            }
            if (c >= '0' && c <= '9') {
                return number();
            }
            if (isNameStart(c)) {
                return name();
            }
            throw new Refused("the character '" + c + "' is not allowed");
        }

        int position() {
            return position;
        }

        private Token fixed(Kind kind, String text) {
            position += text.length();
            return new Token(kind, text);
        }

        /** JUEL strings: the same quote ends them, a backslash escapes only the quote or a backslash. */
        private Token string(char quote) throws Refused {
            StringBuilder value = new StringBuilder();
            int i = position + 1;
            while (i < input.length()) {
                char c = input.charAt(i++);
                if (c == '\\') {
                    char escaped = i < input.length() ? input.charAt(i++) : 0;
                    if (escaped != quote && escaped != '\\') {
                        throw new Refused("a string with an escape other than \\" + quote + " or \\\\");
                    }
                    value.append(escaped);
                } else if (c == quote) {
                    position = i;
                    return new Token(Kind.STRING, value.toString());
                } else {
                    value.append(c);
                }
            }
            throw new Refused("a string that is not closed");
        }

        private Token number() {
            int i = position;
            while (i < input.length() && isDigit(input.charAt(i))) {
                i++;
            }
            if (i + 1 < input.length() && input.charAt(i) == '.' && isDigit(input.charAt(i + 1))) {
                i++;
                while (i < input.length() && isDigit(input.charAt(i))) {
                    i++;
                }
            }
            String text = input.substring(position, i);
            position = i;
            return new Token(Kind.NUMBER, text);
        }

        private Token name() throws Refused {
            int i = position + 1;
            while (i < input.length() && (isNameStart(input.charAt(i)) || isDigit(input.charAt(i)))) {
                i++;
            }
            String name = input.substring(position, i);
            if (i < input.length() && Character.isJavaIdentifierPart(input.charAt(i))) {
                throw new Refused("the character '" + input.charAt(i) + "' is not allowed in a name");
            }
            if (REFUSED_KEYWORDS.contains(name)) {
                throw new Refused("the operator '" + name + "' is not allowed");
            }
            position = i;
            return new Token(KEYWORDS.getOrDefault(name, Kind.IDENTIFIER), name);
        }

        private static boolean isNameStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }

    private static final class Parser {

        private final Scanner scanner;
        private Token lookahead;

        Parser(String text, int position) {
            this.scanner = new Scanner(text, position);
        }

        void expressionUntilEnd() throws Refused {
            if (peek().is(Kind.END)) {
                throw new Refused("an empty expression");
            }
            or();
            Token end = next();
            if (!end.is(Kind.END)) {
                throw new Refused("'" + end.shown() + "' where the expression should end");
            }
        }

        int position() {
            return scanner.position();
        }

        private void or() throws Refused {
            and();
            while (peek().is(Kind.OR)) {
                next();
                and();
            }
        }

        private void and() throws Refused {
            equality();
            while (peek().is(Kind.AND)) {
                next();
                equality();
            }
        }

        private void equality() throws Refused {
            relation();
            while (peek().is(Kind.EQUALITY)) {
                next();
                relation();
            }
        }

        private void relation() throws Refused {
            unary();
            while (peek().is(Kind.RELATION)) {
                next();
                unary();
            }
        }

        private void unary() throws Refused {
            if (peek().is(Kind.NOT)) {
                next();
                unary();
            } else if (peek().is(Kind.MINUS)) {
                next();
                expect(Kind.NUMBER, "a number after -");
                noSuffix("a number");
            } else {
                primary();
            }
        }

        private void primary() throws Refused {
            Token token = next();
            switch (token.kind()) {
                case LPAREN -> {
                    or();
                    expect(Kind.RPAREN, ")");
                    noSuffix("(…)");
                }
                case STRING, NUMBER, LITERAL -> noSuffix(token.shown());
                case IDENTIFIER -> reference(token.text());
                default -> throw new Refused("'" + token.shown() + "' where a value should be");
            }
        }

        private void reference(String root) throws Refused {
            if (peek().is(Kind.LPAREN)) {
                if (!root.equals("dateTime")) {
                    throw new Refused("the function " + root + "() is not allowed; " + ALLOWED_CALLS);
                }
                dateChain();
                return;
            }
            if (!peek().is(Kind.DOT)) {
                if (NOT_ALONE.contains(root)) {
                    throw new Refused("'" + root + "' on its own is not allowed" + (root.equals("funnel")
                            ? "; use funnel.stageFor('role')" : "; read a property such as execution.processBusinessKey"));
                }
                return;
            }
            next();
            String member = expect(Kind.IDENTIFIER, "a name after '.'").text();
            boolean call = peek().is(Kind.LPAREN);
            if (root.equals("execution") && !call && EXECUTION_PROPERTIES.contains(member)) {
                noSuffix("execution." + member);
            } else if (root.equals("execution")) {
                throw new Refused("execution." + member + (call ? "()" : "") + " is not allowed; on execution only "
                        + "these properties may be read: " + String.join(", ", EXECUTION_PROPERTIES.stream().sorted()
                                .toList()));
            } else if (root.equals("funnel") && member.equals("stageFor") && call) {
                next();
                expect(Kind.STRING, "a quoted role name such as 'sales-accepted'");
                expect(Kind.RPAREN, ") after the role name");
                noSuffix("funnel.stageFor(…)");
            } else if (call) {
                throw new Refused("the method call " + root + "." + member + "() is not allowed; " + ALLOWED_CALLS);
            } else {
                throw new Refused("the property " + root + "." + member
                        + " is not allowed; only execution properties may be read");
            }
        }

        private void dateChain() throws Refused {
            next();
            expect(Kind.RPAREN, ") after dateTime(");
            while (peek().is(Kind.DOT)) {
                next();
                String step = expect(Kind.IDENTIFIER, "a method name after '.'").text();
                expect(Kind.LPAREN, "( after " + step);
                if (step.equals("toDate")) {
                    expect(Kind.RPAREN, ") after toDate(");
                    noSuffix("toDate()");
                    return;
                } else if (DATE_STEPS.contains(step)) {
                    Token amount = next();
                    boolean plainNumber = amount.is(Kind.NUMBER) && !amount.text().contains(".");
                    boolean variable = amount.is(Kind.IDENTIFIER) && !NOT_ALONE.contains(amount.text());
                    if (!plainNumber && !variable) {
                        throw new Refused(step + "(…) takes a whole number or a variable, not '" + amount.shown() + "'");
                    }
                    expect(Kind.RPAREN, ") after " + step + "(" + amount.text());
                } else if (step.equals("withTimeAtStartOfDay")) {
                    expect(Kind.RPAREN, ") after withTimeAtStartOfDay(");
                } else {
                    throw new Refused("dateTime()." + step + "() is not allowed; the steps allowed are "
                            + String.join(", ", DATE_STEPS.stream().sorted().toList())
                            + ", withTimeAtStartOfDay and toDate");
                }
            }
            throw new Refused("a dateTime() chain must end with .toDate()");
        }

        /** Nothing may be called or read on a value: that is how ''.getClass().forName(…) starts. */
        private void noSuffix(String what) throws Refused {
            if (peek().is(Kind.DOT)) {
                next();
                Token member = next();
                boolean call = peek().is(Kind.LPAREN);
                throw new Refused(call ? "the method call " + what + "." + member.shown() + "() is not allowed; "
                        + ALLOWED_CALLS : "the property " + what + "." + member.shown() + " is not allowed");
            }
            if (peek().is(Kind.LPAREN)) {
                throw new Refused("calling " + what + " is not allowed; " + ALLOWED_CALLS);
            }
        }

        private Token expect(Kind kind, String what) throws Refused {
            Token token = next();
            if (!token.is(kind)) {
                throw new Refused("expected " + what + " but found '" + token.shown() + "'");
            }
            return token;
        }

        private Token peek() throws Refused {
            if (lookahead == null) {
                lookahead = scanner.next();
            }
            return lookahead;
        }

        private Token next() throws Refused {
            Token token = peek();
            lookahead = null;
            return token;
        }
    }
}
