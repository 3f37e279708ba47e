// the bash bootstrap of examples/custom-runtime answered through the Runtime API
assert new File(basedir, 'target/response.json').text == '{"message":"Hello from bash","event":{"order":42}}'
return true
