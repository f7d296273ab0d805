package dev.deploygateway.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SourceBundleTest {

    @Test
    void pathsAreNormalisedToRelativeSlashSeparatedNfc() {
        assertThat(SourceBundle.normalisePath("./src\\\\app//main.js")).isEqualTo("src/app/main.js");
        assertThat(SourceBundle.normalisePath("/index.html")).isEqualTo("index.html");
        // "é" typed as e + combining acute (NFD) becomes the single code point (NFC).
        assertThat(SourceBundle.normalisePath("re\u0301sume\u0301.txt")).isEqualTo("r\u00e9sum\u00e9.txt");
    }

    @Test
    void pathsLeavingTheRootOrWithControlCharactersAreRefused() {
        assertThatThrownBy(() -> SourceBundle.normalisePath("a/../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceBundle.normalisePath("a\u0000b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceBundle.normalisePath("./")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoSpellingsOfTheSameFileAreRefused() {
        assertThatThrownBy(() -> SourceBundle.of(Map.of("a/b.txt", new byte[1], "./a//b.txt", new byte[2])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a/b.txt");
    }

    @Test
    void bundlesKeepContentByteExactWithSha1Digests() {
        byte[] bytes = { 0, (byte) 0xff, 10, 13 };
        var bundle = SourceBundle.of(Map.of("bin", bytes, "hello.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(bundle.file("bin").orElseThrow().content()).isEqualTo(bytes);
        assertThat(bundle.file("hello.txt").orElseThrow().sha1()).isEqualTo("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d");
        assertThat(bundle.totalBytes()).isEqualTo(9);
        assertThat(bundle.files()).extracting(SourceFile::path).containsExactly("bin", "hello.txt");
    }

    @Test
    void callersCannotMutateTheBundle() {
        byte[] bytes = { 1, 2, 3 };
        var bundle = SourceBundle.of(Map.of("f", bytes));
        bytes[0] = 9;
        bundle.file("f").orElseThrow().content()[1] = 9;
        assertThat(bundle.file("f").orElseThrow().content()).containsExactly(1, 2, 3);
    }
}
