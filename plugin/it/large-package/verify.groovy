import java.util.zip.ZipFile

// a package of real dependency jars, of the size users ship, deployed inline and run
def zip = new File(basedir, 'target/large-package-1.0-lambda.zip')
assert zip.isFile()
long size = zip.length()
assert size >= 45L * 1024 * 1024 : "the package is only ${size} bytes"
def jars = new ZipFile(zip).withCloseable { z -> z.entries().collect { it.name }.findAll { it.startsWith('lib/') } }
assert jars.any { it.startsWith('lib/ec2-') } && jars.any { it.startsWith('lib/guava-') }

def log = new File(basedir, 'build.log').text
assert log.contains('Started the Lambda emulator at ')
assert log =~ /Created large-package \(\d+\.\d MB uploaded inline\)/
assert log.contains('Published large-package version 1')
assert log.contains('Alias live -> 1')
assert !log.contains('java.lang.OutOfMemoryError')

def response = new File(basedir, 'target/response.json').text
// the handler's String answer, as JSON: its jars loaded, the region Lambda gave it, the event it got
assert response == '"{\\"clients\\":[\\"dynamodb\\",\\"ec2\\",\\"s3\\",\\"sqs\\"],\\"order\\":7,\\"region\\":\\"us-east-1\\"}"' : response
return true
