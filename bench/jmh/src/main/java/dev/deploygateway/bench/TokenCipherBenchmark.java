package dev.deploygateway.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.deploygateway.crypto.KeyRing;
import dev.deploygateway.crypto.TokenCipher;
import dev.deploygateway.crypto.TokenContext;

/**
 * Encrypt + decrypt of a 100-byte token: through {@link TokenCipher} (format, AAD building, base64url, parsing,
 * strict UTF-8) versus raw JCE AES-256-GCM doing the same cryptographic work (new Cipher per operation, 12-byte
 * IV, 128-bit tag, associated data of the same size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenCipherBenchmark {

    static final String KEY_HEX = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4";

    private TokenCipher tokenCipher;
    private TokenContext context;
    private String token;

    private SecretKeySpec key;
    private SecureRandom random;
    private byte[] plaintext;
    private byte[] aad;
    private byte[] fixedIv;

    @Setup
    public void setUp() {
        tokenCipher = new TokenCipher(KeyRing.fromHex(KEY_HEX, List.of()));
        context = TokenContext.platformToken("user-0123456789", "vercel", "access");
        token = "vercel_" + "x".repeat(93);
        plaintext = token.getBytes(StandardCharsets.UTF_8);
        if (plaintext.length != 100) {
            throw new IllegalStateException("token must be 100 bytes");
        }
        key = new SecretKeySpec(HexFormat.of().parseHex(KEY_HEX), "AES");
        random = new SecureRandom();
        // Same size as TokenCipher's AAD: six 4-byte length prefixes + "v2" + 8-char key id + the four context strings.
        int aadSize = 6 * 4 + 2 + 8 + context.purpose().length() + context.userId().length()
                + context.platform().length() + context.field().length();
        aad = new byte[aadSize];
        random.nextBytes(aad);
        fixedIv = new byte[12];
        random.nextBytes(fixedIv);
    }

    @Benchmark
    public String tokenCipher() {
        String stored = tokenCipher.encrypt(token, context);
        return tokenCipher.decrypt(stored, context).plaintext();
    }

    /** The baseline: the same AES-GCM work, including a fresh IV from a SecureRandom as safe use requires. */
    @Benchmark
    public byte[] rawJce() throws GeneralSecurityException {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        return rawRoundTrip(iv);
    }

    /** For information only: raw JCE without the IV draw, to show what the random IV itself costs. */
    @Benchmark
    public byte[] rawJceFixedIv() throws GeneralSecurityException {
        return rawRoundTrip(fixedIv);
    }

    private byte[] rawRoundTrip(byte[] iv) throws GeneralSecurityException {
        Cipher enc = Cipher.getInstance("AES/GCM/NoPadding");
        enc.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        enc.updateAAD(aad);
        byte[] sealed = enc.doFinal(plaintext);
        Cipher dec = Cipher.getInstance("AES/GCM/NoPadding");
        dec.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        dec.updateAAD(aad);
        return dec.doFinal(sealed);
    }
}
