package dev.deploygateway.sandbox.railway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a GraphQL parser for the sandbox: one operation (query, mutation or subscription) with fields,
 * aliases, arguments (variables, literals, lists, objects) and nested selection sets. Fragments and directives
 * are not supported (the clients we simulate do not send them). Variables are substituted while parsing, so a
 * {@link Field}'s arguments are plain Java values.
 */
final class GraphqlDocument {

    /** A selected field; {@code selection} is empty for leaves. */
    record Field(String alias, String name, Map<String, Object> args, List<Field> selection) {

        String key() {
            return alias == null ? name : alias;
        }

        String string(String arg) {
            Object value = args.get(arg);
            return value == null ? null : value.toString();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object(String arg) {
            Object value = args.get(arg);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }
    }

    record Operation(String type, List<Field> fields) {
    }

    /** A syntax error, answered as a GraphQL error. */
    static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message);
        }
    }

    private final String text;
    private final Map<String, Object> variables;
    private int pos;

    private GraphqlDocument(String text, Map<String, Object> variables) {
        this.text = text;
        this.variables = variables == null ? Map.of() : variables;
    }

    static Operation parse(String query, Map<String, Object> variables) {
        if (query == null || query.isBlank()) {
            throw new SyntaxError("Must provide query string.");
        }
        return new GraphqlDocument(query, variables).operation();
    }

    private Operation operation() {
        skip();
        String type = "query";
        if (peek() != '{') {
            type = name();
            if (!List.of("query", "mutation", "subscription").contains(type)) {
                throw new SyntaxError("Unexpected Name \"" + type + "\"");
            }
            skip();
            if (Character.isLetter(peek()) || peek() == '_') {
                name();
            }
            skip();
            if (peek() == '(') {
                skipBalanced('(', ')');
            }
        }
        List<Field> fields = selectionSet();
        skip();
        if (pos < text.length()) {
            throw new SyntaxError("Only one operation per document is supported by the sandbox");
        }
        return new Operation(type, fields);
    }

    private List<Field> selectionSet() {
        expect('{');
        List<Field> fields = new ArrayList<>();
        while (true) {
            skip();
            if (peek() == '}') {
                pos++;
                return fields;
            }
            if (text.startsWith("...", pos)) {
                throw new SyntaxError("Fragments are not supported by the sandbox");
            }
            String first = name();
            String alias = null;
            String fieldName = first;
            skip();
            if (peek() == ':') {
                pos++;
                skip();
                alias = first;
                fieldName = name();
                skip();
            }
            Map<String, Object> args = new LinkedHashMap<>();
            if (peek() == '(') {
                pos++;
                while (true) {
                    skip();
                    if (peek() == ')') {
                        pos++;
                        break;
                    }
                    String arg = name();
                    skip();
                    expect(':');
                    args.put(arg, value());
                }
                skip();
            }
            List<Field> selection = peek() == '{' ? selectionSet() : List.of();
            fields.add(new Field(alias, fieldName, args, selection));
        }
    }

    private Object value() {
        skip();
        char c = peek();
        if (c == '$') {
            pos++;
            return variables.get(name());
        }
        if (c == '"') {
            return string();
        }
        if (c == '[') {
            pos++;
            List<Object> list = new ArrayList<>();
            while (true) {
                skip();
                if (peek() == ']') {
                    pos++;
                    return list;
                }
                list.add(value());
            }
        }
        if (c == '{') {
            pos++;
            Map<String, Object> object = new LinkedHashMap<>();
            while (true) {
                skip();
                if (peek() == '}') {
                    pos++;
                    return object;
                }
                String key = name();
                skip();
                expect(':');
                object.put(key, value());
            }
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos;
            while (pos < text.length() && "-+.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String number = text.substring(start, pos);
            return number.contains(".") || number.contains("e") || number.contains("E") ? Double.valueOf(number)
                    : Long.valueOf(number);
        }
        String word = name();
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> word; // enum value
        };
    }

    private String string() {
        pos++;
        var out = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != '"') {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        expect('"');
        return out.toString();
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw new SyntaxError("Syntax Error: Expected Name, found \"" + (pos < text.length() ? text.charAt(pos)
                    : "<EOF>") + "\"");
        }
        return text.substring(start, pos);
    }

    private void skipBalanced(char open, char close) {
        int depth = 0;
        do {
            char c = text.charAt(pos++);
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
            }
        } while (depth > 0 && pos < text.length());
    }

    private void expect(char c) {
        skip();
        if (peek() != c) {
            throw new SyntaxError("Syntax Error: Expected \"" + c + "\" at offset " + pos);
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    /** Whitespace, commas and comments are insignificant in GraphQL. */
    private void skip() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c) || c == ',' || c == '\uFEFF') {
                pos++;
            } else {
                return;
            }
        }
    }
}
