// mvn lambda:dev as a developer runs it: start it, edit code and resources, break the build, fix it, Ctrl-C.
import java.util.concurrent.TimeUnit
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.core.SdkBytes
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.lambda.LambdaClient

def mvn = new File(expectedMavenHome, 'bin/mvn').path
def devLog = new File(basedir, 'dev.log')
// offline, on the invoker's local repository and settings (its files are recorded as from its repository id)
def settings = new File(basedir, 'dev-settings.xml')
settings.text = new File(basedir, '../../../it/settings.xml').text.replace('@localRepositoryUrl@',
        localRepositoryPath.toURI().toString())
def dev = new ProcessBuilder([mvn, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}", 'lambda:dev',
        '-Dlambda.payloadFile=events/ada.json']*.toString())
        .directory(basedir).redirectErrorStream(true).redirectOutput(devLog).start()

/** Polls the log until a line after the first {@code from} lines matches; returns its index. */
def awaitLine = { int from, String pattern ->
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90)
    while (System.nanoTime() < deadline) {
        def lines = devLog.readLines()
        for (int i = from; i < lines.size(); i++) {
            if (lines[i] =~ pattern) {
                return i
            }
        }
        assert dev.isAlive() : "lambda:dev ended:\n${devLog.text}"
        Thread.sleep(50)
    }
    assert false : "no line matching ${pattern} in:\n${devLog.text}"
}
def edit = { String path, Closure<String> change ->
    def file = new File(basedir, path)
    file.text = change(file.text)
}

try {
    int at = awaitLine(0, 'Invoked dev-loop:\\$LATEST in \\d+ ms: "Hello, Ada!"')
    assert devLog.text.contains('Lambda emulator listening on')
    at = awaitLine(at, 'Watching for changes')

    edit('src/main/java/dev/loop/Words.java') { it.replace('"Hello"', '"Howdy"') }
    at = awaitLine(at, 'Live \\(Words.java\\): dev-loop:\\$LATEST in \\d+ ms \\(build \\d+ ms, update \\d+ ms\\)')
    at = awaitLine(at, 'Invoked dev-loop:\\$LATEST in \\d+ ms: "Howdy, Ada!"')

    edit('src/main/resources/punctuation.txt') { '?' }
    at = awaitLine(at, 'Live \\(punctuation.txt\\)')
    at = awaitLine(at, ': "Howdy, Ada\\?"')

    // a build that fails changes nothing: $LATEST keeps serving the last code that built
    edit('src/main/java/dev/loop/Words.java') { it.replace('"Howdy";', '"Oops"') }
    at = awaitLine(at, 'Compilation failed')
    at = awaitLine(at, "Words.java:\\d+: ';' expected")
    at = awaitLine(at, 'Not deployed: \\$LATEST keeps the last code that built')
    def endpoint = new groovy.json.JsonSlurper().parse(new File(basedir, 'state/endpoint.json')).endpoint
    LambdaClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create('a', 'b'))).build()
            .withCloseable { lambda ->
                def answer = lambda.invoke { it.functionName('dev-loop').payload(SdkBytes.fromUtf8String('{"name":"Bob"}')) }
                assert answer.payload().asUtf8String() == '"Howdy, Bob?"'
                assert lambda.listVersionsByFunction { it.functionName('dev-loop') }.versions()*.version() == ['$LATEST'] :
                        'lambda:dev publishes no version'
            }

    edit('src/main/java/dev/loop/Words.java') { it.replace('"Oops"', '"Hi";') }
    at = awaitLine(at, ': "Hi, Ada\\?"')

    // the build's own zip and classes are left as Maven built them
    assert new File(basedir, 'target/classes/punctuation.txt').text.trim() == '!'

    dev.destroy() // SIGTERM, as Ctrl-C: the emulator it started stops, with its execution environments
    assert dev.waitFor(60, TimeUnit.SECONDS)
    assert devLog.text.contains('Lambda emulator stopped.')
    assert !new File(basedir, 'state/endpoint.json').exists()
} finally {
    dev.destroyForcibly()
}
return true
