import dev.lambdamaven.it.EmulatorState
import java.util.zip.ZipInputStream

def secrets = ['it-Secret-From-Settings-7f3a', 'it-Rotated-Secret-9c2e'] // it/settings.xml
def log = new File(basedir, 'build.log').text
secrets.each { assert !log.contains(it) : 'a secret appears in the build log (invocation 1 runs with -X)' }
assert log.contains('environment.DB_PASSWORD: (none) -> ****')

// the plan (invocation 3): each change listed, the rotated password masked on both sides, nothing changed
def plan = log.substring(log.indexOf('lambda:plan on emulator at '))
assert plan.contains('Function secret-from-settings: update (new version)')
assert plan.contains('  memorySize: 128 -> 256')
assert plan.contains('  environment.DB_PASSWORD: **** -> ****')
assert !plan.contains('DB_USER') : 'an unchanged variable is not a change'

// nothing the build wrote holds a secret: the bytes of every file, and every zip's (and nested jar's) entries
// decompressed, since a deflated entry hides its text from a scan of the raw bytes
def holdsSecret
holdsSecret = { String where, byte[] bytes ->
    def text = new String(bytes, 'ISO-8859-1')
    secrets.each { assert !text.contains(it) : "a secret appears in $where" }
    if (bytes.length > 4 && bytes[0] == 0x50 && bytes[1] == 0x4b) { // a zip or jar
        new ZipInputStream(new ByteArrayInputStream(bytes)).withCloseable { zip ->
            for (def entry = zip.nextEntry; entry != null; entry = zip.nextEntry) {
                holdsSecret("$where!/${entry.name}", zip.readAllBytes())
            }
        }
    }
}
int zips = 0
new File(basedir, 'target').eachFileRecurse { f ->
    if (f.isFile()) {
        holdsSecret(f.path, f.bytes)
        zips += f.name.endsWith('.zip') ? 1 : 0
    }
}
assert zips == 1 : 'the function zip was scanned'
assert new File(basedir, 'target/response.json').text == '"secret of 28 characters received"'

EmulatorState.open(new File(emulatorHome)).withCloseable { state ->
    assert state.versions('secret-from-settings') == ['1'] : 'the plan published nothing'
    def v1 = state.configuration('secret-from-settings', '1')
    assert v1.environment().variables().DB_PASSWORD == secrets[0]
    assert v1.memorySize() == 128
}
// encrypted at rest: no file of the emulator's state holds the plaintext
new File(emulatorHome).eachFileRecurse { f ->
    if (f.isFile()) {
        holdsSecret("the emulator's state: $f", f.bytes)
    }
}
return true
