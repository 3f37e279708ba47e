// the bash bootstrap of examples/custom-runtime answered through the Runtime API
assert new File(basedir, 'target/response.json').text == '{"message":"Hello from bash","event":{"order":42}}'

// on the build's own in-process emulator, stopped with the build: nothing of it still answers
def log = new File(basedir, 'build.log').text
assert log.contains('Started the Lambda emulator at ')
assert !log.contains('Using the Lambda emulator at ')
assert new File(basedir, 'target/emulator-state/emulator.db').isFile()
assert !new File(basedir, 'target/emulator-state/endpoint.json').exists()
return true
