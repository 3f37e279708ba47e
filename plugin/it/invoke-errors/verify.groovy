import groovy.json.JsonSlurper

def thrower = new JsonSlurper().parse(new File(basedir, 'target/thrower.json'))
assert thrower.errorType == 'java.lang.IllegalStateException'
assert thrower.errorMessage == 'order x cannot be priced'

def log = new File(basedir, 'build.log').text
assert log.contains('Invoked invoke-errors:live, version 1 ran, function error Unhandled')
assert log.contains('Function invoke-errors:live failed (Unhandled)')
assert log.contains('-Dlambda.invoke.failOnError=false')

def sleeper = new JsonSlurper().parse(new File(basedir, 'target/sleeper.json'))
assert sleeper.errorType == 'Sandbox.Timedout'
assert sleeper.errorMessage.endsWith('Task timed out after 2.00 seconds')
assert log.contains('Invoked invoke-errors:live, version 2 ran, function error Unhandled')

// the timed-out environment was killed: no process still runs the sleeping handler
def running = 'ps -eo args'.execute().text.readLines().findAll { it.contains('it.errors.Sleeper') }
assert running.isEmpty() : running
return true
