import dev.lambdamaven.it.EmulatorState
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException

def log = new File(basedir, 'build.log').text
// 1, 2: each version says what built it: the project version, the commit of this (dirty) work tree, the time
assert log =~ /Published release-history version 1 \(1\.0 \([0-9a-f]{12}\+dirty\) built 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ\)/
assert log.contains('Published release-history version 2')
// 3, 4: the rollback sticks through a deploy that publishes nothing
assert log.contains('Alias live -> 1 (previous: 2)')
assert log.contains('No change: release-history stays at version 2, nothing published')
assert log.contains('Alias live stays at version 1 where lambda:rollback put it at ')
assert log.contains('version 2 was rolled back and this build published nothing new')
// 5: a shift in steps, each after a smoke invocation of the new version (a real local invoke)
assert log.contains('Traffic shift of live to version 3: linear 50% every 1s, 1 step(s) over 1 s, a smoke invocation before each')
assert log.contains('Smoke invocation of release-history:3 before step 1 of 1 (50%): ok')
assert log.contains('Traffic shift of live: 50% to version 3, step 1 of 1 (50%); holding 1000 ms')
assert log.contains('Smoke invocation of release-history:3 before the final move (100%): ok')
assert log.contains('Traffic shift of live complete: all traffic to version 3')
// 6: the broken version never gets traffic
assert log.contains('Published release-history version 4')
assert log.contains('the smoke invocation of version 4 before step 1 of 1 (50%) failed (Unhandled)')
assert log.contains('this version is broken')
assert log.contains('alias live rolled back: all traffic on version 3')
// 7: the history, as every machine sees it (kept on the target)
assert log.contains('Release history of release-history:live (oldest first)')
def rows = log.readLines().findAll { it =~ /\[INFO\] \| \d+ +\| 20/ }.collect { it.split('\\|')*.trim() }
assert rows.collect { it[3..7].join(' ') } == [
        'release 1 - - in effect', 'release 2 1 - rolled back', 'rollback 1 2 - -',
        'canary 3 1 0.5 in effect', 'promote 3 1 - in effect', 'canary 4 3 0.5 rolled back', 'rollback 3 4 - -']
assert rows[0][8].startsWith('1.0 (') && rows[0][8].contains('+dirty) built ')
// prune: the newest two stay, and the alias's (3, also one of them)
assert log.contains('delete version 1')
assert log.contains('delete version 2')
assert log.contains('keep   version 3 (alias live)')
assert log.contains('keep   version 4 (one of the newest 2)')
// 8: delete-function plans first, then takes the alias and the versions with the function
assert log.contains('Function release-history: 4 to delete')
assert log.contains('  delete alias live (-> 3)')
assert log.contains('Deleted alias live')
assert log.contains('Deleted function release-history')

EmulatorState.open(new File(emulatorHome)).withCloseable { state ->
    try {
        state.lambda().getFunction { it.functionName('release-history') }
        assert false: 'the function should be gone'
    } catch (ResourceNotFoundException expected) {
    }
}
return true
