def log = new File(basedir, 'build.log').text
// every test ran and passed: none skipped, in both phases
assert log =~ /Tests run: 3, Failures: 0, Errors: 0, Skipped: 0/ : 'GreeterHandlerTest did not run its 3 tests'
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0/ : 'ReleaseIT did not run'
assert new File(basedir, 'target/surefire-reports/TEST-com.example.greeter.GreeterHandlerTest.xml').isFile()
assert new File(basedir, 'target/failsafe-reports/TEST-com.example.greeter.ReleaseIT.xml').isFile()

// the extension came as a test-scoped dependency without any Maven API
def classPath = new File(basedir, 'target/test-classpath.txt').text.split(File.pathSeparator)
assert classPath.any { it.contains('lambda-core') }
assert !classPath.any { it.contains('lambda-maven-plugin') } : 'the plugin itself on the test class path'
def maven = classPath.findAll { it.contains("${File.separator}org${File.separator}apache${File.separator}maven${File.separator}") ||
        it.contains("${File.separator}org${File.separator}codehaus${File.separator}plexus${File.separator}") }
assert maven.isEmpty() : "Maven on the test class path: ${maven}"

// temporary state directories are gone after the tests
assert !new File(System.getProperty('java.io.tmpdir')).listFiles().any {
    it.name.startsWith('lambda-emulator-') && it.lastModified() > new File(basedir, 'pom.xml').lastModified() &&
            new File(it, 'test-packages').exists()
}
return true
