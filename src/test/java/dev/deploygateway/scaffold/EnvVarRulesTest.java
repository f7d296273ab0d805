package dev.deploygateway.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.deploygateway.error.ErrorCode;

class EnvVarRulesTest {

    record Var(String key, String value) {
    }

    static ScaffoldRejectedException refusal(Var... vars) {
        return catchThrowableOfType(ScaffoldRejectedException.class,
                () -> EnvVarRules.check(Arrays.asList(vars), Var::key, Var::value));
    }

    @Test
    void portableNamesWithValuesUpTo64KiBAreAccepted() {
        assertThatCode(() -> EnvVarRules.check(List.of(new Var("API_URL", "https://x"), new Var("_x1", ""),
                new Var("api_url", "case differs, so a different variable"), new Var("BIG", "é".repeat(32 * 1024))),
                Var::key, Var::value)).doesNotThrowAnyException();
        assertThatCode(() -> EnvVarRules.check(List.of(), Var::key, Var::value)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1ABC       | must match",
            "A-B        | must match",
            "A.B        | must match",
            "'A B'      | must match",
            "É          | must match",
            "''         | key is required" })
    void badKeysAreRefusedWithTheirIndex(String key, String message) {
        var e = refusal(new Var("OK", "1"), new Var(key, "v"));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.field()).isEqualTo("env[1].key");
            assertThat(err.message()).contains(message);
        });
    }

    @Test
    void aKeyLongerThan256IsRefused() {
        assertThat(refusal(new Var("K".repeat(257), "v")).errors()).singleElement()
                .satisfies(err -> assertThat(err.message()).contains("longer than 256"));
        assertThat(catchThrowableOfType(ScaffoldRejectedException.class, () -> EnvVarRules.check(
                List.of(new Var("K".repeat(256), "v")), Var::key, Var::value))).isNull();
    }

    @Test
    void duplicateKeysAreRefusedButCaseVariantsAreDistinct() {
        var e = refusal(new Var("A", "1"), new Var("a", "2"), new Var("A", "3"));
        assertThat(e.errors()).extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("env[2].key", "duplicate variable name"));
    }

    @Test
    void valuesWithNulOverTheSizeOrMissingAreRefusedWithoutEchoingThem() {
        var e = refusal(new Var("A", "sec\u0000ret"), new Var("B", "x".repeat(64 * 1024 + 1)), new Var("C", null),
                new Var("D", "é".repeat(32 * 1024 + 1)));
        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactly("env[0].value", "env[1].value", "env[2].value", "env[3].value");
        assertThat(e.errors().get(0).message()).contains("NUL");
        assertThat(e.getMessage() + e.extensions()).doesNotContain("sec");
    }

    @Test
    void moreThan200VariablesAreRefused() {
        var vars = new ArrayList<Var>();
        for (int i = 0; i < 201; i++) {
            vars.add(new Var("V" + i, "x"));
        }
        var e = catchThrowableOfType(ScaffoldRejectedException.class,
                () -> EnvVarRules.check(vars, Var::key, Var::value));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.field()).isEqualTo("env"));
        assertThatCode(() -> EnvVarRules.check(vars.subList(0, 200), Var::key, Var::value)).doesNotThrowAnyException();
    }

    @Test
    void aNullEntryIsReported() {
        assertThat(refusal(new Var("A", "1"), null).errors()).extracting(FieldError::field).containsExactly("env[1]");
    }
}
