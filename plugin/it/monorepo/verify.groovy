import dev.lambdamaven.it.EmulatorState

def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects/).findAll { it.contains('Reactor Build Order') }
assert builds.size() == 6
def tables = { String build -> build.readLines().findAll { it =~ /\[INFO\] \| (shared-libs|orders|payments) / } }

// 1: created, in parallel, with the VPC preflight
assert builds[0].contains('Published orders version 1')
assert builds[0].contains('Published payments version 1')
assert builds[0].contains('VPC preflight passed')
assert tables(builds[0]).any { it =~ /\| orders +\| orders +\| 1 +\| live -> 1 +\| yes +\| ok +\|/ }

// 2: the drift check passes: a plan per module, the aggregators skipped in one line, one table
assert builds[1].contains('lambda:plan skipped: monorepo is neither a function nor a layer module')
assert builds[1].contains('Layer shared-libs: no changes, version 1')
assert builds[1].contains('Function orders: no changes')
assert builds[1].contains('Function payments: no changes')
assert builds[1].count('Lambda deployment summary') == 1
assert tables(builds[1]).any { it =~ /\| orders +\| orders +\| - +\| - +\| no +\| ok +\|/ }
assert builds[1].contains('BUILD SUCCESS')

// 3: a configuration change as a canary: version 2 of each function at 10 %, the layer unchanged
assert builds[2].contains('ephemeralStorage: 512 -> 1024')
assert builds[2].contains('Published orders version 2')
assert builds[2].contains('Alias live -> 1 {2=0.1}')
assert builds[2].contains('No change: layer stays at')

// 4: the promote job: function modules promote, the others skip with one line each, nothing fails
assert builds[3].contains('lambda:promote skipped: shared-libs is a layer module')
assert builds[3].contains('lambda:promote skipped: monorepo is neither a function nor a layer module')
assert builds[3].count('Alias live -> 2 (previous: 1)') == 2
assert builds[3].contains('Release history of orders:live (oldest first)')
assert builds[3].contains('Release history of payments:live (oldest first)')
assert builds[3].contains('BUILD SUCCESS')

// 5: the drift check fails on both functions, -fae lets it check all, and the table says which
assert builds[4].contains('ephemeralStorage: 1024 -> 2048')
assert tables(builds[4]).any { it =~ /\| shared-libs +\| layer shared-libs +\| 1 +\| - +\| no +\| ok +\|/ }
assert tables(builds[4]).any { it =~ /\| orders +\|.*\| failed: Function orders differs from the build/ }
assert tables(builds[4]).any { it =~ /\| payments +\|.*\| failed: Function payments differs from the build/ }

// 6: a failing release still ends with its table: the failed and the skipped module are rows too
assert builds[5].contains("<kmsKeyArn> = 'notanarn'")
assert tables(builds[5]).any { it =~ /\| shared-libs +\| layer shared-libs +\| 1 +\| - +\| no +\| ok +\|/ }
assert tables(builds[5]).any { it =~ /\| orders +\| - +\| - +\| - +\| - +\| failed: <kmsKeyArn> = 'notanarn'/ }
assert tables(builds[5]).any { it =~ /\| payments +\| - +\| - +\| - +\| - +\| skipped \(not built\) +\|/ }
assert !new File(basedir, 'monorepo/orders/target/lambda/deployment.json').exists()

EmulatorState.open(new File(emulatorHome)).withCloseable { state ->
    assert state.versions('orders') == ['1', '2']
    assert state.versions('payments') == ['1', '2']
    assert state.layerVersions('shared-libs') == [1L]
    assert state.alias('orders', 'live').functionVersion() == '2'
    assert state.aliasWeights('orders', 'live').isEmpty()
    assert state.configuration('payments', '2').vpcConfig().subnetIds().size() == 2
    assert state.configuration('orders', '2').ephemeralStorage().size() == 1024
    assert state.configuration('orders', '1').layers()[0].arn().endsWith(':layer:shared-libs:1')
}
return true
