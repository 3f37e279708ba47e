import dev.lambdamaven.it.EmulatorState

def log = new File(basedir, 'build.log').text
assert log.contains('VPC preflight passed')
assert log.contains('<vpc/subnetIds> = \'subnet-0000000000000dead\': no such subnet in the target account and region')

EmulatorState.open(new File(emulatorHome)).withCloseable { state ->
    def latest = state.configuration('vpc-preflight', '$LATEST')
    assert latest.vpcConfig().subnetIds().sort(false) == ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002']
    assert latest.memorySize() == 128 : 'the failed build changed the function'
    assert state.versions('vpc-preflight') == ['1']
}
return true
