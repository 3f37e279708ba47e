import dev.lambdamaven.it.EmulatorState

def log = new File(basedir, 'build.log').text
// the Maven this execution was meant to run on (a script variable of the invoker execution) really ran it
def home = (log =~ /Maven home: (.+)/)
assert home.find() : 'no "Maven home:" line: the build did not run with -V'
assert new File(home.group(1).trim()).canonicalFile == new File(expectedMavenHome).canonicalFile :
        "ran on ${home.group(1)}, expected ${expectedMavenHome}"
assert !log.contains('requires Maven version')

// each invoker execution has a state directory of its own, so every run starts from nothing
assert log.contains('Published maven-range version 1')
assert log.contains('Alias live -> 1')
assert new File(basedir, 'target/out.json').text == '"Hello, Ada!"'
assert log.contains('lambda:emulator skipped (lambda.emulator.skip=true)')

EmulatorState.open(new File(basedir, '../.emulator')).withCloseable { state ->
    assert state.versions('maven-range') == ['1']
    assert state.alias('maven-range', 'live').functionVersion() == '1'
}
return true
