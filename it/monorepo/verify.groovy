import dev.lambdamaven.it.EmulatorState

def log = new File(basedir, 'build.log').text
assert log.contains('Published orders version 1')
assert log.contains('Published payments version 1')
assert log.contains('No change: orders stays at version 1, nothing published')
assert log.contains('No change: payments stays at version 1, nothing published')
assert log.contains('VPC preflight passed')
// one summary table per build
assert log.count('Lambda deployment summary') == 2
assert log =~ /\| orders +\| orders +\| 1 +\| live -> 1 +\| no +\|/

EmulatorState.open(new File(emulatorHome)).withCloseable { state ->
    assert state.versions('orders') == ['1']
    assert state.versions('payments') == ['1']
    assert state.layerVersions('shared-libs') == [1L]
    assert state.configuration('payments', '1').vpcConfig().subnetIds().size() == 2
    assert state.configuration('orders', '1').layers()[0].arn().endsWith(':layer:shared-libs:1')
}
return true
