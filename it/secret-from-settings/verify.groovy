import dev.lambdamaven.it.EmulatorState

def secret = 'it-Secret-From-Settings-7f3a'
def log = new File(basedir, 'build.log').text
assert !log.contains(secret) : 'the secret appears in the build log'
assert log.contains('environment.DB_PASSWORD: (none) -> ****')

// nothing the build wrote holds it: reports, zips, records
new File(basedir, 'target').eachFileRecurse { f ->
    if (f.isFile()) {
        assert !new String(f.bytes, 'ISO-8859-1').contains(secret) : "the secret appears in $f"
    }
}
assert new File(basedir, 'target/response.json').text == '"secret of 28 characters received"'

def stateDir = new File(basedir, '../.emulator')
EmulatorState.open(stateDir).withCloseable { state ->
    assert state.configuration('secret-from-settings', '1').environment().variables().DB_PASSWORD == secret
}
// encrypted at rest: no file of the emulator's state holds the plaintext
stateDir.eachFileRecurse { f ->
    if (f.isFile()) {
        assert !new String(f.bytes, 'ISO-8859-1').contains(secret) : "the secret is stored in plaintext in $f"
    }
}
return true
