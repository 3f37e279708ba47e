import dev.lambdamaven.it.EmulatorState

def log = new File(basedir, 'build.log').text
// the Maven this execution was meant to run on (a script variable of the invoker execution) really ran it
def home = (log =~ /Maven home: (.+)/)
assert home.find() : 'no "Maven home:" line: the build did not run with -V'
assert new File(home.group(1).trim()).canonicalFile == new File(expectedMavenHome).canonicalFile :
        "ran on ${home.group(1)}, expected ${expectedMavenHome}"
assert !log.contains('requires Maven version')

// each invoker execution deploys a function of its own to the ITs' emulator (functionName: a script variable)
assert log.contains("Published ${functionName} version 1")
assert log.contains('Alias live -> 1')
assert new File(basedir, 'target/out.json').text == '"Hello, Ada!"'
assert log.contains('lambda:emulator skipped (lambda.emulator.skip=true)')

EmulatorState.open(new File(emulatorHome)).withCloseable { state ->
    assert state.versions(functionName) == ['1']
    assert state.alias(functionName, 'live').functionVersion() == '1'
}
return true
