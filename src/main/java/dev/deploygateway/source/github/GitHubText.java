package dev.deploygateway.source.github;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.deploygateway.scaffold.SourceFile;

/**
 * Whether a file can travel inline in a tree request: {@code content} there is a JSON string GitHub writes out as
 * UTF-8, so only valid UTF-8 without NUL characters comes back byte for byte; anything else is uploaded as a blob.
 */
final class GitHubText {

    private GitHubText() {
    }

    static Optional<String> inline(SourceFile file, int maxBytes) {
        if (file.size() > maxBytes) {
            return Optional.empty();
        }
        byte[] bytes = file.content();
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notText) {
            return Optional.empty();
        }
    }
}
