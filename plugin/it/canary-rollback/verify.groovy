import dev.lambdamaven.it.EmulatorState

def log = new File(basedir, 'build.log').text
assert log.contains('Published canary-rollback version 2')
assert new File(basedir, 'target/after-rollback.json').text == '"Hello, live!"'

EmulatorState.open(new File(emulatorHome)).withCloseable { state ->
    assert state.versions('canary-rollback') == ['1', '2']
    assert state.alias('canary-rollback', 'live').functionVersion() == '1'
    assert state.aliasWeights('canary-rollback', 'live').isEmpty()
}
// each step, as the log reports it: canary, promote, rollback
assert log.contains('Alias live -> 1 {2=0.2}')
assert log.contains('Alias live -> 2 (previous: 1)')
assert log.contains('Alias live -> 1 (previous: 2)')
return true
