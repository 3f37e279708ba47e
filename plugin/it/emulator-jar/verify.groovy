// The runnable emulator jar, as a user outside Maven runs it: java -jar ...-emulator.jar --port --home
import java.util.concurrent.TimeUnit
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.core.SdkBytes
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.lambda.LambdaClient
import software.amazon.awssdk.services.lambda.model.Runtime

def jar = new File(emulatorJar)
assert jar.isFile() : "no emulator jar at $jar"
def java = new File(System.getProperty('java.home'), 'bin/java').path
def home = new File(basedir, 'state')

def command = { List args -> new ProcessBuilder(args*.toString()) }
def run = { List args -> command([java, '-jar', jar.path] + args).redirectErrorStream(true).start() }
def output = { Process p -> p.inputStream.text }

// bad options: exit 2, naming the option and the fix, before anything starts
def bad = run(['--port', 'http'])
assert bad.waitFor(30, TimeUnit.SECONDS) && bad.exitValue() == 2
assert output(bad).contains("--port (lambda.emulator.port) is 'http'; use a port between 1 and 65535")

// a free port, the state directory given as a system property (the Maven goals' property name)
def serverLog = new File(basedir, 'emulator.log')
def server = command([java, "-Dlambda.emulator.home=${home}", '-jar', jar.path, '--port', '0'])
        .redirectErrorStream(true).redirectOutput(serverLog).start()
def listening = { serverLog.readLines().find { it.startsWith('Lambda emulator listening on ') } }
for (int i = 0; i < 600 && listening() == null && server.isAlive(); i++) {
    Thread.sleep(50) // polls its log until it serves
}
def first = listening()
assert first =~ /^Lambda emulator listening on http:\/\/127\.0\.0\.1:\d+ \(state: .*state\), started in \d+ ms$/ : serverLog.text
def endpoint = URI.create((first =~ /(http:\/\/\S+)/)[0][1])
try {
    assert new groovy.json.JsonSlurper().parse(new File(home, 'endpoint.json')).endpoint == endpoint.toString()

    // the same port again: exit 1, saying so
    def second = run(['--port', endpoint.port as String, '--home', new File(basedir, 'other').path])
    assert second.waitFor(30, TimeUnit.SECONDS) && second.exitValue() == 1
    assert output(second).contains("Port ${endpoint.port} on 127.0.0.1 is already in use")

    // deploy and invoke a Java function: the runtime client comes out of the jar's nested jars
    def lambda = LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create('a', 'b'))).build()
    lambda.withCloseable {
        lambda.createFunction { it.functionName('from-jar').runtime(Runtime.JAVA17)
                .role('arn:aws:iam::123456789012:role/lambda').handler('it.lifecycle.Greeter::handleRequest')
                .environment { e -> e.variables([PUNCTUATION: '?']) }
                .code { c -> c.zipFile(SdkBytes.fromByteArray(new File(basedir, 'target/emulator-jar-1.0-lambda.zip').bytes)) } }
        lambda.waiter().waitUntilFunctionActiveV2 { it.functionName('from-jar') }
        def answer = lambda.invoke { it.functionName('from-jar').payload(SdkBytes.fromUtf8String('{"name":"Jar"}')) }
        assert answer.functionError() == null : answer.payload().asUtf8String()
        assert answer.payload().asUtf8String() == '"Hello, Jar?"'
    }
    assert new File(home, 'environments/runtime-client').list().findAll { it.endsWith('.jar') }.size() == 4
    def children = server.toHandle().descendants().toList()
    assert !children.isEmpty() : 'the function runs in a child process'

    // the AWS CLI and boto3, as tests in other languages use it: where Python's tools are installed, and always in
    // CI (.ci/run puts pyenv's shims on the PATH)
    def shims = "${System.getProperty('user.home')}/.pyenv/shims"
    def tool = { String name -> [name, "${shims}/${name}"].find {
        try { command([it, '--version']).start().waitFor() == 0 } catch (IOException e) { false } } }
    def aws = tool('aws')
    def python = tool('python3')
    assert (aws != null && python != null) || System.getenv('CI') == null : 'CI needs aws and python3 (boto3)'
    def clientEnv = [AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b', AWS_DEFAULT_REGION: 'us-east-1']
    if (aws != null) {
        def cli = command([aws, '--endpoint-url', endpoint.toString(), 'lambda', 'get-function-configuration',
                '--function-name', 'from-jar', '--query', 'Handler', '--output', 'text'])
        cli.environment().putAll(clientEnv)
        def p = cli.redirectErrorStream(true).start()
        def text = p.inputStream.text
        assert p.waitFor(60, TimeUnit.SECONDS) && text.trim() == 'it.lifecycle.Greeter::handleRequest' : text
    }
    if (python != null) {
        def script = '''import boto3, json, sys
lam = boto3.client("lambda", endpoint_url=sys.argv[1])
print(lam.invoke(FunctionName="from-jar", Payload=json.dumps({"name": "Py"}))["Payload"].read().decode())'''
        def py = command([python, '-c', script, endpoint.toString()])
        py.environment().putAll(clientEnv)
        def p = py.redirectErrorStream(true).start()
        def text = p.inputStream.text
        assert p.waitFor(60, TimeUnit.SECONDS) && text.trim() == '"Hello, Py?"' : text
    }

    // SIGTERM: a clean stop, as lambda:emulator's, with its execution environments
    server.destroy()
    assert server.waitFor(30, TimeUnit.SECONDS)
    assert serverLog.readLines().contains('Lambda emulator stopped.') : serverLog.text
    assert !new File(home, 'endpoint.json').exists()
    children.each { assert !it.isAlive() : "execution environment ${it.pid()} outlived the emulator" }
} finally {
    server.destroyForcibly()
}
return true
