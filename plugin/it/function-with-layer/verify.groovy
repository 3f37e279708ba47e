import java.util.zip.ZipFile

def names = { File f -> new ZipFile(f).withCloseable { z -> z.entries().toList().collect { it.name } } }

def layerZip = new File(basedir, 'shared-layer/target/shared-layer-1.0-layer.zip')
assert layerZip.isFile()
assert names(layerZip) == ['java/', 'java/lib/', 'java/lib/aws-lambda-java-core-1.4.0.jar',
                           'java/lib/commons-lang3-3.18.0.jar', 'java/lib/shared-layer-1.0.jar'] : names(layerZip)

def descriptor = new Properties()
new File(basedir, 'shared-layer/target/lambda/layer.properties').withReader { descriptor.load(it) }
assert descriptor.compatibleRuntimes == 'java17,java21'
assert descriptor.compatibleArchitectures == 'x86_64'

def functionZip = new File(basedir, 'orders/target/orders-1.0-lambda.zip')
def entries = names(functionZip)
// the layer's jars (its own, commons-lang3, aws-lambda-java-core) stay out; the function's own dependency is in
assert entries.contains('lib/jackson-annotations-2.20.jar') : entries
assert !entries.any { it.contains('commons-lang3') || it.contains('shared-layer') || it.contains('aws-lambda-java-core') } : entries
assert entries.contains('com/example/orders/OrderHandler.class')

def log = new File(basedir, 'build.log').text
assert log.contains('3 jar(s) provided by layers left out of the zip')
assert log.contains('Layer zip target/shared-layer-1.0-layer.zip: ')
return true
