package dev.deploygateway.platform.railway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Railway project-name rule the gateway checks before anything is stored (docs/railway.md §1). */
class RailwayNamesTest {

    @Test
    void everydayNamesAreAccepted() {
        assertThat(RailwayNames.valid("shop")).isTrue();
        assertThat(RailwayNames.valid("My Shop 2.0_beta-1")).isTrue();
        assertThat(RailwayNames.valid("café-über")).isTrue();
        assertThat(RailwayNames.valid("a".repeat(64))).isTrue();
    }

    @Test
    void overlongControlOrPathLikeNamesAreRefused() {
        assertThat(RailwayNames.valid("a".repeat(65))).isFalse();
        assertThat(RailwayNames.valid("a".repeat(70))).isFalse();
        assertThat(RailwayNames.valid("shop\r\nX-Injected: 1")).isFalse();
        assertThat(RailwayNames.valid("shop\u0000")).isFalse();
        assertThat(RailwayNames.valid("../etc")).isFalse();
        assertThat(RailwayNames.valid("a/b")).isFalse();
        assertThat(RailwayNames.valid("..")).isFalse();
        assertThat(RailwayNames.valid(" leading-space")).isFalse();
        assertThat(RailwayNames.valid("")).isFalse();
        assertThat(RailwayNames.valid(null)).isFalse();
    }
}
