package dev.deploygateway.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.deploygateway.sandbox.GitBinary;
import dev.deploygateway.scaffold.SourceBundle;

/** Locally computed blob and tree ids are the ones the {@code git} binary writes for the same files. */
class GitObjectsTest {

    @Test
    void blobIdsAreGitHashObject() {
        GitBinary git = GitBinary.init();
        for (byte[] content : new byte[][] { new byte[0], utf8("hello\n"), { 0, 1, 2, (byte) 0xff },
                utf8("Grüße, 世界\r\n") }) {
            assertThat(GitObjects.blobId(content)).isEqualTo(git.hashObject(content));
        }
    }

    @Test
    void treeIdsAreGitWriteTreesEvenInGitsOrderingCornerCases() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("index.html", utf8("<h1>hi</h1>"));
        files.put("über-uns.html", utf8("<h1>Über uns</h1>"));
        files.put("images/favicon.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0 });
        // "a.b" sorts before "a/" in git's order but after "a" in plain string order.
        files.put("a/inner.txt", utf8("inner"));
        files.put("a.b", utf8("dot"));
        files.put("a-b/deep/deeper/file.txt", utf8("deep"));
        GitBinary git = GitBinary.init();
        var index = new TreeMap<String, String[]>();
        files.forEach((path, content) -> index.put(path, new String[] { "100644", git.hashObject(content) }));
        assertThat(GitObjects.treeId(SourceBundle.of(files))).isEqualTo(git.writeTree(index));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
