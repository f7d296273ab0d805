package dev.deploygateway.sandbox.railway;

import java.util.Map;

/**
 * One root field of an operation as a resolver sees it: its name and its arguments after graphql-java coerced them
 * against Railway's schema (variables substituted, defaults applied, input objects as maps).
 */
record BackboardField(String name, Map<String, Object> args) {

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
