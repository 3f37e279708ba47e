import java.util.zip.ZipFile

def zip = new File(basedir, 'target/java-function-1.0-lambda.zip')
assert zip.isFile() : "no function zip at $zip"

def entries = new ZipFile(zip).withCloseable { z -> z.entries().toList().collect { it.name } }
// no handler configured: the module's only RequestHandler was found and checked
assert entries == ['app.properties', 'com/', 'com/example/', 'com/example/Greeter.class',
                   'lib/', 'lib/aws-lambda-java-core-1.4.0.jar'] : entries

// modes and times, read with commons-compress (the test class path)
def cz = org.apache.commons.compress.archivers.zip.ZipFile.builder().setFile(zip).get()
cz.withCloseable {
    assert it.getEntry('com/').unixMode == 040755
    assert it.getEntry('com/example/Greeter.class').unixMode == 0100644
    assert it.getEntry('lib/aws-lambda-java-core-1.4.0.jar').method == 0 : 'jars are stored, not compressed again'
}

// written like every other artifact in target/ (0644 under the usual umask), not owner-only
def mode = { f -> java.nio.file.Files.getPosixFilePermissions(f.toPath()) }
def jar = new File(basedir, 'target/java-function-1.0.jar')
assert mode(zip) == mode(jar) : "zip ${mode(zip)} but jar ${mode(jar)}"

def log = new File(basedir, 'build.log').text
assert log.contains('Handler com.example.Greeter::handleRequest (the module\'s only handler class)')
def line = log.readLines().find { it.contains('Function zip target/java-function-1.0-lambda.zip:') }
assert line =~ /: [0-9.]+ kB, 6 entries, CodeSha256 [A-Za-z0-9+\/]{43}=$/ : line
assert log.contains('Function zip target/java-function-1.0-lambda.zip is up to date') : 'second build rewrote the zip'
assert !entries.any { it.contains('junit') } : 'a test-scope jar was packaged'
assert log.contains('lambda:package-function skipped (lambda.package-function.skip=true)')
return true
