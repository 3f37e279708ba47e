import dev.lambdamaven.it.EmulatorState
import java.security.MessageDigest

def secret = 'it-Transit-Secret-4b9e'
def log = new File(basedir, 'build.log').text
assert !log.contains(secret) : 'the secret appears in the build log'
assert log.contains('DB_PASSWORD encrypted in transit with KMS key alias/it-transit (encrypted)')
assert log.contains('environment.DB_PASSWORD: (none) -> ****')
// the second deploy decrypted what is deployed, found the same value and changed nothing
assert log.contains('DB_PASSWORD encrypted in transit with KMS key alias/it-transit (unchanged)')

// the function decrypted it with KMS on the emulator, under its own name
def sha = MessageDigest.getInstance('SHA-256').digest(secret.getBytes('UTF-8')).encodeHex().toString()
assert new File(basedir, 'target/response.json').text == "\"decrypted ${secret.length()} characters, sha256 ${sha}\""

new File(basedir, 'target').eachFileRecurse { f ->
    if (f.isFile()) {
        assert !new String(f.bytes, 'ISO-8859-1').contains(secret) : "the secret appears in $f"
    }
}

EmulatorState.open(new File(emulatorHome)).withCloseable { state ->
    assert state.versions('secret-in-transit') == ['1'] : 'an unchanged secret published a new version'
    def deployed = state.configuration('secret-in-transit', '1').environment().variables().DB_PASSWORD
    assert deployed != secret
    assert Base64.decoder.decode(deployed).length > secret.length() : 'the deployed value is the KMS ciphertext'
}
return true
