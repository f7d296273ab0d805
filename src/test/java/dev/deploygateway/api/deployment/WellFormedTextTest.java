package dev.deploygateway.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The validator's Unicode rule: surrogate pairs (emoji) are text, a surrogate on its own is not. */
class WellFormedTextTest {

    @Test
    void emptyOrNonAsciiTextIsWellFormed() {
        assertThat(DeploymentRequestValidator.wellFormed("")).isTrue();
        assertThat(DeploymentRequestValidator.wellFormed("postgres://user:pässwörd@db/app")).isTrue();
    }

    @Test
    void surrogatePairsAreWellFormed() {
        assertThat(DeploymentRequestValidator.wellFormed("launch \uD83D\uDE80 now")).isTrue();
        assertThat(DeploymentRequestValidator.wellFormed("\uD83D\uDE80\uD83D\uDE80")).isTrue();
    }

    @Test
    void aLoneHighSurrogateIsNot() {
        assertThat(DeploymentRequestValidator.wellFormed("\uD800")).isFalse();
        assertThat(DeploymentRequestValidator.wellFormed("ab\uD83D")).isFalse();
        assertThat(DeploymentRequestValidator.wellFormed("\uD83D\uD83D\uDE80")).isFalse();
    }

    @Test
    void aLoneLowSurrogateIsNot() {
        assertThat(DeploymentRequestValidator.wellFormed("\uDC00")).isFalse();
        assertThat(DeploymentRequestValidator.wellFormed("x\uDE80\uD83D")).isFalse();
    }
}
