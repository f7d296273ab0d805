package dev.deploygateway.scaffold;

import static dev.deploygateway.scaffold.ArchiveFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.deploygateway.error.ErrorCode;

/**
 * Every kind of bad upload the intake must refuse, each with the problem code, the {@code errors} field that
 * names the culprit, a message fragment and (for 413) the limit. Small limits keep the inputs small.
 */
class BadInputCorpusTest {

    static final ScaffoldLimits SMALL = new ScaffoldLimits(5, 1000, 2500, 200_000, 200, 64 * 1024, 64, 4);
    static final ScaffoldReader READER = new ScaffoldReader(SMALL);
    static final byte[] HTML = utf8("<h1>hi</h1>");

    @TempDir
    static Path tmp;

    record Bad(ThrowingCallable action, ErrorCode code, String field, String message, String limit) {
    }

    static Arguments bad(String name, ThrowingCallable action, ErrorCode code, String field, String message) {
        return Arguments.of(name, new Bad(action, code, field, message, null));
    }

    static Arguments tooLarge(String name, ThrowingCallable action, String field, String limit) {
        return Arguments.of(name, new Bad(action, ErrorCode.PAYLOAD_TOO_LARGE, field, "", limit));
    }

    static ThrowingCallable json(String path) {
        return json(path, FileSpec.utf8("x"));
    }

    static ThrowingCallable json(String path, FileSpec spec) {
        var files = new LinkedHashMap<String, FileSpec>();
        files.put("index.html", FileSpec.utf8("<h1>ok</h1>"));
        files.put(path, spec);
        return () -> READER.fromJson(files);
    }

    static ThrowingCallable jsonFiles(Map<String, FileSpec> files) {
        return () -> READER.fromJson(files);
    }

    static ThrowingCallable archive(byte[] bytes) {
        return () -> READER.fromArchive(new ByteArrayInputStream(bytes));
    }

    static Map<String, byte[]> entries(Object... nameThenBytes) {
        var map = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            map.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return map;
    }

    static Map<String, FileSpec> specs(int count, int bytesEach) {
        var map = new LinkedHashMap<String, FileSpec>();
        for (int i = 0; i < count; i++) {
            map.put("f" + i + ".txt", FileSpec.utf8("x".repeat(bytesEach)));
        }
        return map;
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    static byte[] gzip(byte[] data) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static Stream<Arguments> corpus() throws IOException {
        var validZip = ArchiveFixtures.zip(entries("index.html", random(900)));
        var validTarGz = ArchiveFixtures.tarGz(entries("index.html", random(900)));
        var cases = new ArrayList<Arguments>(List.of(
                // Paths in the JSON files map
                bad("traversal ../", json("../x"), ErrorCode.VALIDATION_FAILED, "files[\"../x\"]",
                        "leaves the project root"),
                bad("traversal inside", json("a/../../x"), ErrorCode.VALIDATION_FAILED, "files[\"a/../../x\"]",
                        "leaves"),
                bad("traversal ..\\", json("..\\x"), ErrorCode.VALIDATION_FAILED, "files[\"..\\\\x\"]", "leaves"),
                bad("absolute /", json("/etc/passwd"), ErrorCode.VALIDATION_FAILED, "files[\"/etc/passwd\"]",
                        "absolute"),
                bad("UNC path", json("\\\\server\\share\\x"), ErrorCode.VALIDATION_FAILED,
                        "files[\"\\\\\\\\server\\\\share\\\\x\"]", "absolute"),
                bad("drive C:\\", json("C:\\x.txt"), ErrorCode.VALIDATION_FAILED, "files[\"C:\\\\x.txt\"]",
                        "drive-letter"),
                bad("drive-relative c:", json("c:x"), ErrorCode.VALIDATION_FAILED, "files[\"c:x\"]", "drive-letter"),
                bad("NUL", json("a\u0000b.txt"), ErrorCode.VALIDATION_FAILED, "files[\"a\\u0000b.txt\"]", "NUL"),
                bad("newline", json("a\nb.txt"), ErrorCode.VALIDATION_FAILED, "files[\"a\\u000ab.txt\"]", "control"),
                bad("C1 control", json("a\u0085b"), ErrorCode.VALIDATION_FAILED, "files[\"a\\u0085b\"]", "control"),
                bad("DEL", json("a\u007fb"), ErrorCode.VALIDATION_FAILED, "files[\"a\\u007fb\"]", "control"),
                bad("RTL override", json("a\u202Egnp.exe"), ErrorCode.VALIDATION_FAILED, "files[\"a\\u202egnp.exe\"]",
                        "text-direction"),
                bad("lone surrogate", json("a\uD800b"), ErrorCode.VALIDATION_FAILED, "files[\"a\\ud800b\"]", "Unicode"),
                bad("case duplicate", json("INDEX.html"), ErrorCode.VALIDATION_FAILED, "files[\"INDEX.html\"]",
                        "differs only in letter case from \"index.html\""),
                bad("NFD duplicate of NFC", jsonFiles(Map.of("caf\u00e9.txt", FileSpec.utf8("a"),
                        "cafe\u0301.txt", FileSpec.utf8("b"))), ErrorCode.VALIDATION_FAILED, "files[\"caf", "twice"),
                bad("file and folder", json("index.html/x"), ErrorCode.VALIDATION_FAILED, "files[\"index.html/x\"]",
                        "is a file, not a folder"),
                bad("folder path", json("dir/"), ErrorCode.VALIDATION_FAILED, "files[\"dir/\"]", "folder"),
                bad("empty path", json(""), ErrorCode.VALIDATION_FAILED, "files[\"\"]", "empty"),
                bad("only dots", json("./."), ErrorCode.VALIDATION_FAILED, "files[\"./.\"]", "empty"),
                bad("path too long", json("a".repeat(65)), ErrorCode.VALIDATION_FAILED, "files[\"aaaa",
                        "longer than 64"),
                bad("path too deep", json("a/b/c/d/e.txt"), ErrorCode.VALIDATION_FAILED, "files[\"a/b/c/d/e.txt\"]",
                        "deeper than 4"),
                // Contents in the JSON files map
                bad("invalid base64", json("a.png", new FileSpec("not base64!", "base64")), ErrorCode.VALIDATION_FAILED,
                        "files[\"a.png\"]", "not valid base64"),
                bad("base64 with line break", json("a.png", new FileSpec("aGVs\nbG8=", "base64")),
                        ErrorCode.VALIDATION_FAILED, "files[\"a.png\"]", "not valid base64"),
                bad("url-safe base64", json("a.png", new FileSpec("-_-_", "base64")), ErrorCode.VALIDATION_FAILED,
                        "files[\"a.png\"]", "not valid base64"),
                bad("unknown encoding", json("a.txt", new FileSpec("x", "latin1")), ErrorCode.VALIDATION_FAILED,
                        "files[\"a.txt\"]", "encoding must be"),
                bad("missing content", json("a.txt", new FileSpec(null, "utf-8")), ErrorCode.VALIDATION_FAILED,
                        "files[\"a.txt\"]", "content is required"),
                bad("null file", json("a.txt", null), ErrorCode.VALIDATION_FAILED, "files[\"a.txt\"]",
                        "content is required"),
                bad("lone surrogate content", json("a.txt", FileSpec.utf8("x\uDC00")), ErrorCode.VALIDATION_FAILED,
                        "files[\"a.txt\"]", "not valid Unicode"),
                bad("no files", jsonFiles(Map.of()), ErrorCode.VALIDATION_FAILED, "files", "no files"),
                // Limits in the JSON files map
                tooLarge("too many files", jsonFiles(specs(6, 1)), "files", "maxFiles"),
                tooLarge("file over the limit", json("big.txt", FileSpec.utf8("x".repeat(1001))), "files[\"big.txt\"]",
                        "maxFileBytes"),
                tooLarge("base64 over the limit", json("big.bin", new FileSpec("A".repeat(4_000_000), "base64")),
                        "files[\"big.bin\"]", "maxFileBytes"),
                tooLarge("multi-byte text over the limit", json("big.txt", FileSpec.utf8("\u00e9".repeat(600))),
                        "files[\"big.txt\"]", "maxFileBytes"),
                tooLarge("total over the limit", jsonFiles(specs(3, 900)), "files[\"f2.txt\"]", "maxTotalBytes"),
                // Archives: paths
                bad("zip ../", archive(ArchiveFixtures.zip(entries("ok.txt", HTML, "../evil.sh", HTML))),
                        ErrorCode.VALIDATION_FAILED, "archive:../evil.sh", "leaves"),
                bad("zip ..\\", archive(ArchiveFixtures.zip(entries("ok.txt", HTML, "..\\evil.sh", HTML))),
                        ErrorCode.VALIDATION_FAILED, "archive:..\\\\evil.sh", "leaves"),
                bad("zip absolute", archive(ArchiveFixtures.zip(entries("ok.txt", HTML, "/etc/cron.d/x", HTML))),
                        ErrorCode.VALIDATION_FAILED, "archive:/etc/cron.d/x", "absolute"),
                bad("zip drive letter", archive(ArchiveFixtures.zip(entries("ok.txt", HTML, "C:\\x", HTML))),
                        ErrorCode.VALIDATION_FAILED, "archive:C:\\\\x", "drive-letter"),
                bad("zip NUL", archive(ArchiveFixtures.zip(entries("ok.txt", HTML, "a\u0000.txt", HTML))),
                        ErrorCode.VALIDATION_FAILED, "archive:a\\u0000.txt", "NUL"),
                bad("zip case duplicate", archive(ArchiveFixtures.zip(entries("README.md", HTML, "readme.md", HTML))),
                        ErrorCode.VALIDATION_FAILED, "archive:readme.md", "letter case"),
                bad("tar.gz ../", archive(ArchiveFixtures.tarGz(entries("ok.txt", HTML, "../x", HTML))),
                        ErrorCode.VALIDATION_FAILED, "archive:../x", "leaves"),
                bad("tar symlink", archive(ArchiveFixtures.tarGzWithSpecialEntry("link", TarArchiveEntry.LF_SYMLINK)),
                        ErrorCode.VALIDATION_FAILED, "archive:link", "symbolic links"),
                bad("tar hard link", archive(ArchiveFixtures.tarGzWithSpecialEntry("hard", TarArchiveEntry.LF_LINK)),
                        ErrorCode.VALIDATION_FAILED, "archive:hard", "hard links"),
                bad("tar device", archive(ArchiveFixtures.tarGzWithSpecialEntry("tty", TarArchiveEntry.LF_CHR)),
                        ErrorCode.VALIDATION_FAILED, "archive:tty", "devices"),
                bad("tar fifo", archive(ArchiveFixtures.tarGzWithSpecialEntry("pipe", TarArchiveEntry.LF_FIFO)),
                        ErrorCode.VALIDATION_FAILED, "archive:pipe", "pipes"),
                // Archives: malformed
                bad("truncated zip", archive(Arrays.copyOf(validZip, validZip.length / 2)), ErrorCode.VALIDATION_FAILED,
                        "archive", "the zip archive is"),
                bad("truncated gzip", archive(Arrays.copyOf(validTarGz, validTarGz.length / 2)),
                        ErrorCode.VALIDATION_FAILED, "archive", "the tar.gz archive is truncated"),
                bad("random bytes", archive(random(4096)), ErrorCode.VALIDATION_FAILED, "archive",
                        "not a valid zip or tar.gz"),
                bad("zero bytes", archive(new byte[0]), ErrorCode.VALIDATION_FAILED, "archive", "empty"),
                bad("empty zip", archive(ArchiveFixtures.zip(Map.of())), ErrorCode.VALIDATION_FAILED, "archive",
                        "no files"),
                bad("zip of folders only",
                        archive(ArchiveFixtures.zip(entries("a/", new byte[0], "a/b/", new byte[0]))),
                        ErrorCode.VALIDATION_FAILED, "archive", "no files"),
                bad("empty tar.gz", archive(ArchiveFixtures.tarGz(Map.of())), ErrorCode.VALIDATION_FAILED, "archive",
                        "no files"),
                bad("gzip of random bytes", archive(gzip(random(4096))), ErrorCode.VALIDATION_FAILED, "archive",
                        "the tar.gz archive is"),
                bad("encrypted zip entry", archive(ArchiveFixtures.markEncrypted(validZip)),
                        ErrorCode.VALIDATION_FAILED,
                        "archive", "encrypted"),
                bad("tar.gz posted as zip", () -> READER.fromZip(new ByteArrayInputStream(validTarGz), RootFolder.KEEP),
                        ErrorCode.VALIDATION_FAILED, "archive", "not a valid zip"),
                bad("zip posted as tar.gz", () -> READER.fromTarGz(new ByteArrayInputStream(validZip), RootFolder.KEEP),
                        ErrorCode.VALIDATION_FAILED, "archive", "not a valid tar.gz"),
                // Archives: limits
                tooLarge("zip with too many files", archive(ArchiveFixtures.zip(entries("1", HTML, "2", HTML, "3", HTML,
                        "4", HTML, "5", HTML, "6", HTML))), "archive:6", "maxFiles"),
                tooLarge("zip file over the limit", archive(ArchiveFixtures.zip(entries("big.bin", random(1001)))),
                        "archive:big.bin", "maxFileBytes"),
                tooLarge("tar.gz file over the limit", archive(ArchiveFixtures.tarGz(entries("big.bin", random(1001)))),
                        "archive:big.bin", "maxFileBytes"),
                tooLarge("zip total over the limit",
                        archive(ArchiveFixtures.zip(entries("a", random(900), "b", random(900),
                                "c", random(900)))),
                        "archive:c", "maxTotalBytes"),
                tooLarge("archive file over the limit", () -> READER.fromArchive(write(random(200_001))), "archive",
                        "maxArchiveBytes"),
                tooLarge("archive stream over the limit", () -> new ScaffoldReader(new ScaffoldLimits(5, 1000, 2500,
                        2000, 200, 64 * 1024, 64, 4)).fromArchive(new ByteArrayInputStream(
                                ArchiveFixtures.zip(
                                        entries("a", random(900), "b", random(900), "c", random(600))))),
                        "archive", "maxArchiveBytes"),
                tooLarge("folder-entry flood", archive(ArchiveFixtures.tarGz(folders(50))), "archive", "maxFiles")));
        return cases.stream();
    }

    static Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(tmp, "upload", ".bin");
        Files.write(file, bytes);
        return file;
    }

    static Map<String, byte[]> folders(int n) {
        var map = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < n; i++) {
            map.put("d" + i + "/", new byte[0]);
        }
        return map;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithTheRightProblem(String name, Bad bad) {
        var e = catchThrowableOfType(ScaffoldRejectedException.class, bad.action());
        assertThat(e).as(name + " must be refused").isNotNull();
        assertThat(e.code()).isEqualTo(bad.code());
        assertThat(e.status()).isEqualTo(bad.code() == ErrorCode.PAYLOAD_TOO_LARGE ? 413 : 400);
        assertThat(e.errors()).as("errors").isNotEmpty()
                .anySatisfy(err -> {
                    assertThat(err.field()).startsWith(bad.field());
                    assertThat(err.message()).contains(bad.message());
                });
        assertThat(e.extensions()).containsKey("errors");
        if (bad.limit() != null) {
            assertThat(e.limit()).map(ScaffoldRejectedException.Limit::wireName).contains(bad.limit());
            assertThat(e.extensions().get("limit")).asString().contains(bad.limit());
        } else {
            assertThat(e.limit()).isEmpty();
        }
    }
}
