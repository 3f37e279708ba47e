package dev.lambdamaven.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Lambda's {@code CodeSha256}: base64 of the SHA-256 of the zip, computed streaming. */
public final class CodeHash {

    private CodeHash() {}

    public static String of(Path zip) {
        return Base64.getEncoder().encodeToString(digest(zip));
    }

    /** The same digest in hex, used for content-addressed S3 keys. */
    public static String hexOf(String codeSha256) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(codeSha256));
    }

    private static byte[] digest(Path zip) {
        try (InputStream in = Files.newInputStream(zip)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return sha.digest();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
