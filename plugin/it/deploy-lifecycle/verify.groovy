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

// every build used the running foreground emulator, found through its endpoint.json
assert log.contains('Using the Lambda emulator at ')
assert !log.contains('Started the Lambda emulator')

// the report of the last deploy: version 3 published, the alias moved from 2 to it
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lambda/deployment.json'))
assert report.function.name == 'deploy-lifecycle'
assert report.function.version == '3'
assert report.function.changed == true
assert report.alias.name == 'live'
assert report.alias.functionVersion == '3'
assert report.alias.previousVersion == '2'

EmulatorState.open(new File(emulatorHome)).withCloseable { state ->
    assert report.function.arn == state.configuration('deploy-lifecycle', null).functionArn()
    assert report.function.codeSha256 == state.configuration('deploy-lifecycle', '3').codeSha256()
    assert state.versions('deploy-lifecycle') == ['1', '2', '3']
    assert state.alias('deploy-lifecycle', 'live').functionVersion() == '3'
    assert state.configuration('deploy-lifecycle', '1').memorySize() == 128
    assert state.configuration('deploy-lifecycle', '3').memorySize() == 256
    assert state.configuration('deploy-lifecycle', '3').codeSha256() == state.configuration('deploy-lifecycle', '2').codeSha256()
    assert state.configuration('deploy-lifecycle', '2').codeSha256() != state.configuration('deploy-lifecycle', '1').codeSha256()
}
return true
