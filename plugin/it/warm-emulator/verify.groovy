def log = new File(basedir, 'build.log').text
def started = (log =~ /Started the Lambda emulator in the background at (http:\/\/127\.0\.0\.1:\d+) \(pid (\d+)/)
assert started.find() : 'emulator-start did not start an emulator'
def endpoint = started.group(1)
def pid = started.group(2) as long

// both builds used the background emulator instead of starting one inside Maven
assert log.count("Using the Lambda emulator at ${endpoint}") == 2
assert !log.contains('Started the Lambda emulator at')
assert log.contains('Published warm-emulator version 1')
assert log.contains('No change: warm-emulator stays at version 1')

// the first invoke started the execution environment (a cold start reports its Init Duration), the second
// build's invoke found it warm
def reports = log.readLines().findAll { it.contains('REPORT RequestId:') }
assert reports.size() == 2 : reports
assert reports[0].contains('Init Duration')
assert !reports[1].contains('Init Duration') : "the second build's invoke was cold: ${reports[1]}"
assert log.count('Response: "Hello, warm!"') == 2

assert log.contains("A Lambda emulator already serves") && log.contains("at ${endpoint} (pid ${pid})")
assert log.contains("Stopped the Lambda emulator at ${endpoint} (pid ${pid})")
assert !ProcessHandle.of(pid).map { it.isAlive() }.orElse(false) : 'the emulator process still runs'
assert !new File(basedir, 'state/endpoint.json').exists()
assert new File(basedir, 'state/emulator.log').text.contains('Lambda emulator stopped.')
return true
