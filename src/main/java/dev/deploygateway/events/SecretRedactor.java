package dev.deploygateway.events;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces the values of sensitive environment variables wherever they appear in build output, so a build that
 * echoes its secrets does not publish them to every viewer. Longer secrets are replaced first so a secret that
 * contains another is masked whole. Values shorter than {@link #MIN_LENGTH} are not searched for: masking
 * "1" or "true" would garble the log without protecting anything.
 */
public final class SecretRedactor {

    public static final String MASK = "••••••";
    static final int MIN_LENGTH = 4;
    private static final SecretRedactor NONE = new SecretRedactor(List.of());

    private final List<String> secrets;

    private SecretRedactor(List<String> secrets) {
        this.secrets = secrets;
    }

    public static SecretRedactor of(Collection<String> secretValues) {
        List<String> usable = secretValues.stream().filter(s -> s != null && s.length() >= MIN_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        return usable.isEmpty() ? NONE : new SecretRedactor(usable);
    }

    public static SecretRedactor none() {
        return NONE;
    }

    public String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }
}
