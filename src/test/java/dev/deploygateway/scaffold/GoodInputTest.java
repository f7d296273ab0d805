package dev.deploygateway.scaffold;

import static dev.deploygateway.scaffold.ArchiveFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid uploads come out byte-exact, with NFC paths, and the single-root-folder rule behaves as documented. */
class GoodInputTest {

    final ScaffoldReader reader = new ScaffoldReader(ScaffoldLimits.defaults());

    static byte[] binary(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A project with binary content, an NFD non-ASCII name, a 150-character path and an empty file. */
    static Map<String, byte[]> project() {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("index.html", utf8("<h1>h\u00e9llo</h1>"));
        files.put("images/logo.png", binary(70_000, 1));
        files.put("docs/re\u0301sume\u0301.txt", utf8("NFD name"));
        files.put("\u65e5\u672c\u8a9e/\u30d5\u30a1\u30a4\u30eb.bin", binary(3, 2));
        files.put("deep/" + "x".repeat(150) + ".js", utf8("long"));
        files.put("empty.txt", new byte[0]);
        return files;
    }

    static void assertByteExact(SourceBundle bundle) {
        assertThat(bundle.fileCount()).isEqualTo(6);
        project().forEach((path, bytes) -> assertThat(bundle.file(SourceBundle.normalisePath(path)))
                .as(path).hasValueSatisfying(f -> assertThat(f.content()).isEqualTo(bytes)));
        assertThat(bundle.file("docs/r\u00e9sum\u00e9.txt")).as("NFD name becomes NFC").isPresent();
    }

    @Test
    void aZipComesOutByteExact() {
        assertByteExact(reader.fromArchive(new ByteArrayInputStream(ArchiveFixtures.zip(project()))));
    }

    @Test
    void aTarGzComesOutByteExact() {
        assertByteExact(reader.fromArchive(new ByteArrayInputStream(ArchiveFixtures.tarGz(project()))));
    }

    @Test
    void anArchiveFileOnDiskIsReadToo(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("upload.bin"), ArchiveFixtures.tarGz(project()));
        assertByteExact(reader.fromArchive(file));
        assertByteExact(reader.fromTarGz(file, RootFolder.STRIP_SINGLE));
    }

    @Test
    void theTypeComesFromTheBytesNotTheName(@TempDir Path dir) throws IOException {
        Path misnamed = Files.write(dir.resolve("project.tar.gz"), ArchiveFixtures.zip(project()));
        assertByteExact(reader.fromArchive(misnamed));
    }

    @Test
    void aJsonFilesMapComesOutByteExact() {
        var files = new LinkedHashMap<String, FileSpec>();
        project().forEach((path, bytes) -> files.put(path, FileSpec.base64(bytes)));
        files.put("index.html", FileSpec.utf8("<h1>h\u00e9llo</h1>"));
        assertByteExact(reader.fromJson(files));
    }

    @Test
    void jsonFilesGetNormalisedPathsWhateverTheEncodingsCase() {
        var files = new LinkedHashMap<String, FileSpec>();
        files.put("./src\\app.js", new FileSpec("console.log(1)", null));
        files.put("a//b.txt", new FileSpec("aGk=", "BASE64"));
        SourceBundle bundle = reader.fromJson(files);
        assertThat(bundle.files()).extracting(SourceFile::path).containsExactly("a/b.txt", "src/app.js");
        assertThat(bundle.file("a/b.txt").orElseThrow().content()).isEqualTo(utf8("hi"));
    }

    @Test
    void aGitHubStyleSingleTopLevelFolderIsStripped() {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("repo-main/", new byte[0]);
        entries.put("repo-main/package.json", utf8("{}"));
        entries.put("repo-main/src/", new byte[0]);
        entries.put("repo-main/src/index.js", utf8("x"));
        byte[] tarGz = ArchiveFixtures.tarGz(tar -> {
            // GitHub tarballs start with a pax global header carrying the commit id.
            var global = new TarArchiveEntry("pax_global_header", TarArchiveEntry.LF_PAX_GLOBAL_EXTENDED_HEADER);
            global.addPaxHeader("comment", "0123456789abcdef0123456789abcdef01234567");
            tar.putArchiveEntry(global);
            for (var e : entries.entrySet()) {
                var entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        });
        for (byte[] archive : new byte[][] { ArchiveFixtures.zip(entries), tarGz }) {
            assertThat(reader.fromArchive(new ByteArrayInputStream(archive)).files()).extracting(SourceFile::path)
                    .containsExactly("package.json", "src/index.js");
            assertThat(reader.fromArchive(new ByteArrayInputStream(archive), RootFolder.KEEP).files())
                    .extracting(SourceFile::path).containsExactly("repo-main/package.json", "repo-main/src/index.js");
        }
    }

    @Test
    void nothingIsStrippedWhenAFileSitsAtTheRootOrThereAreTwoFolders() {
        var atRoot = Map.of("app/index.js", utf8("x"), "package.json", utf8("{}"));
        assertThat(reader.fromArchive(new ByteArrayInputStream(ArchiveFixtures.zip(atRoot))).files())
                .extracting(SourceFile::path).containsExactly("app/index.js", "package.json");
        var twoFolders = Map.of("a/x.js", utf8("x"), "b/y.js", utf8("y"));
        assertThat(reader.fromArchive(new ByteArrayInputStream(ArchiveFixtures.zip(twoFolders))).files())
                .extracting(SourceFile::path).containsExactly("a/x.js", "b/y.js");
    }

    @Test
    void aNestedZipIsJustAFile() {
        byte[] inner = ArchiveFixtures.zip(Map.of("../../evil.sh", utf8("rm -rf /")));
        SourceBundle bundle = reader.fromArchive(new ByteArrayInputStream(
                ArchiveFixtures.zip(Map.of("index.html", utf8("x"), "vendor/lib.zip", inner))));
        assertThat(bundle.files()).extracting(SourceFile::path).containsExactly("index.html", "vendor/lib.zip");
        assertThat(bundle.file("vendor/lib.zip").orElseThrow().content()).isEqualTo(inner);
    }

    @Test
    void everyProblemIsListedAtOnce() {
        var files = new LinkedHashMap<String, FileSpec>();
        files.put("../a", FileSpec.utf8("x"));
        files.put("/b", FileSpec.utf8("x"));
        files.put("ok.txt", new FileSpec("%%%", "base64"));
        var e = catchThrowableOfType(ScaffoldRejectedException.class, () -> reader.fromJson(files));
        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactly("files[\"../a\"]", "files[\"/b\"]", "files[\"ok.txt\"]");
        assertThat(e.getMessage()).contains("3 problem(s)");
    }

    @Test
    void refusalsNeverEchoFileContent() {
        String secret = "DATABASE_PASSWORD=hunter2-very-secret";
        var files = new LinkedHashMap<String, FileSpec>();
        files.put("../.env", FileSpec.utf8(secret));
        files.put("big.txt", FileSpec.utf8(secret.repeat(400_000)));
        var e = catchThrowableOfType(ScaffoldRejectedException.class, () -> reader.fromJson(files));
        assertThat(e.getMessage() + e.extensions() + e.errors()).doesNotContain("hunter2");
    }

    @Test
    void echoedPathsAreEscapedWithinALengthCap() {
        assertThat(PathEcho.of("a\"b\\c\u0000\u001b[31m\uD83D\uDE00"))
                .isEqualTo("a\\\"b\\\\c\\u0000\\u001b[31m\uD83D\uDE00");
        assertThat(PathEcho.of("x".repeat(10_000))).hasSize(161).endsWith("…");
    }
}
