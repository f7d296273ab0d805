package dev.deploygateway.crypto;

import static dev.deploygateway.crypto.CipherFixtures.KEY_A;
import static dev.deploygateway.crypto.CipherFixtures.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How configuration becomes a key ring, including the prod and ephemeral-key rules. */
class KeyRingConfigurationTest {

    @Test
    void configuredKeysFormTheRingCurrentFirst() {
        KeyRing ring = KeyRingConfiguration.build(Optional.of(KEY_A), List.of(" " + KEY_B + " ", KEY_A), true);
        assertThat(ring.ephemeral()).isFalse();
        assertThat(ring.current().id()).isEqualTo(TokenKey.fromHex(KEY_A, "t").id());
        assertThat(ring.keys()).extracting(TokenKey::id)
                .containsExactly(TokenKey.fromHex(KEY_A, "t").id(), TokenKey.fromHex(KEY_B, "t").id());
    }

    @Test
    void prodWithoutAKeyRefusesNamingTheVariable() {
        assertThatIllegalStateException()
                .isThrownBy(() -> KeyRingConfiguration.build(Optional.empty(), List.of(), true))
                .withMessageContaining("TOKEN_ENCRYPTION_KEY");
        assertThatIllegalStateException()
                .isThrownBy(() -> KeyRingConfiguration.build(Optional.of(" "), List.of(KEY_B), true))
                .withMessageContaining("TOKEN_ENCRYPTION_KEY");
    }

    @Test
    void outsideProdAMissingKeyBecomesAnEphemeralOneThatKeepsPreviousKeys() {
        KeyRing first = KeyRingConfiguration.build(Optional.empty(), List.of(KEY_B), false);
        KeyRing second = KeyRingConfiguration.build(Optional.empty(), List.of(), false);
        assertThat(first.ephemeral()).isTrue();
        assertThat(first.current().id()).isNotEqualTo(second.current().id());
        assertThat(first.byId(TokenKey.fromHex(KEY_B, "t").id())).isPresent();
    }

    @Test
    void malformedKeysAreRejectedStrictlyEvenOutsideProd() {
        for (String bad : List.of(KEY_A + "0", KEY_A.substring(1), KEY_A.substring(0, 63) + "g",
                KEY_A.substring(0, 63) + "\n", "0x" + KEY_A.substring(2), KEY_A.substring(0, 63) + "\u0660")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> KeyRingConfiguration.build(Optional.of(bad), List.of(), false))
                    .withMessageContaining("TOKEN_ENCRYPTION_KEY")
                    .withMessageNotContaining(bad.substring(0, 16));
        }
    }

    @Test
    void malformedPreviousKeyNamesItsPosition() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyRingConfiguration.build(Optional.of(KEY_A), List.of(KEY_B, "abc"), false))
                .withMessageContaining("TOKEN_ENCRYPTION_PREVIOUS_KEYS entry 2");
    }

    @Test
    void upperCaseHexIsTheSameKey() {
        assertThat(TokenKey.fromHex(KEY_A.toUpperCase(), "t").id()).isEqualTo(TokenKey.fromHex(KEY_A, "t").id());
    }
}
