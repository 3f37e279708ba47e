package it.transit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Decrypts DB_PASSWORD as the handler code of docs/secrets.md does: KMS Decrypt of the base64 ciphertext with the
 * function name as encryption context, once per execution environment. Answers its length and SHA-256, never the
 * value.
 */
public class DecryptsSecret implements RequestHandler<Map<String, Object>, String> {

    private static String password;

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        if (password == null) {
            password = decrypt("DB_PASSWORD");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return "decrypted " + password.length() + " characters, sha256 " + HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decrypt(String variable) {
        try (KmsClient kms = KmsClient.create()) {
            return kms.decrypt(r -> r
                    .ciphertextBlob(SdkBytes.fromByteArray(Base64.getDecoder().decode(System.getenv(variable))))
                    .encryptionContext(Map.of("LambdaFunctionName", System.getenv("AWS_LAMBDA_FUNCTION_NAME"))))
                    .plaintext().asUtf8String();
        }
    }
}
