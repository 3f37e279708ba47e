def log = new File(basedir, 'build.log').text
assert log.contains("Handler 'com.example.Gretter::handleRequest' names class com.example.Gretter, which is neither in the compiled classes nor in a dependency jar")
assert log.contains('Handlers found in this module: com.example.Greeter::handleRequest')
assert log.contains('Set <handler> (or -Dlambda.handler) to package.Class::method')
assert !new File(basedir, 'target/wrong-handler-1.0-lambda.zip').exists() : 'a zip was written for a wrong handler'
return true
