package dev.deploygateway.scaffold;

import java.util.Map;

/**
 * One reason an upload was refused, as shown to the client in the problem's {@code errors} list.
 *
 * @param field where: {@code files["src/app.js"]}, {@code archive:src/app.js}, {@code archive} or {@code env[3].key}
 * @param message what is wrong, never the file's content
 */
public record FieldError(String field, String message) {

    public Map<String, String> asMap() {
        return Map.of("field", field, "message", message);
    }
}
