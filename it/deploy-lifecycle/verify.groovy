import dev.lambdamaven.it.EmulatorState

def log = new File(basedir, 'build.log').text
assert log.contains('Published deploy-lifecycle version 1')
assert log.contains('No change: deploy-lifecycle stays at version 1, nothing published')
assert log.contains('Published deploy-lifecycle version 2')
assert log.contains('memorySize: 128 -> 256')
assert log.contains('Published deploy-lifecycle version 3')

assert new File(basedir, 'target/v1.json').text == '"Hello, one!"'
assert new File(basedir, 'target/live.json').text == '"Hi, live!"'
assert log.contains('Invoked deploy-lifecycle:1, version 1 ran')
assert log.contains('Invoked deploy-lifecycle:live, version 3 ran')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lambda/deployment.json'))
assert report.toString().contains('3')

EmulatorState.open(new File(basedir, '../.emulator')).withCloseable { state ->
    assert state.versions('deploy-lifecycle') == ['1', '2', '3']
    assert state.alias('deploy-lifecycle', 'live').functionVersion() == '3'
    assert state.configuration('deploy-lifecycle', '1').memorySize() == 128
    assert state.configuration('deploy-lifecycle', '3').memorySize() == 256
    assert state.configuration('deploy-lifecycle', '3').codeSha256() == state.configuration('deploy-lifecycle', '2').codeSha256()
    assert state.configuration('deploy-lifecycle', '2').codeSha256() != state.configuration('deploy-lifecycle', '1').codeSha256()
}
return true
