import dev.lambdamaven.it.EmulatorState
import groovy.json.JsonSlurper
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException

def log = new File(basedir, 'build.log').text
def all = log.split(/(?m)^\[INFO\] Scanning for projects/)
def plan = all.find { it.contains('lambda:plan on ') }
def builds = all.findAll { it.contains('lambda:publish-version') }
assert builds.size() == 3
def (first, second, third) = builds

// the plan shows the alias's settings too, and changes nothing
assert plan.contains('Function release-settings: create (new version)')
assert plan.contains('  provisionedConcurrency: (none) -> 1')
assert plan.contains('  functionUrl: (none) -> NONE, BUFFERED, CORS origins [https://www.example.com]')
assert !plan.contains('Function URL of release-settings:live:')

// 1: the settings are planned, applied, and the URL logged
assert first.contains('Published release-settings version 1')
assert first.contains('  permissions.maven-s3-uploads: (none) -> s3.amazonaws.com lambda:InvokeFunction from arn:aws:s3:::release-settings-uploads')
assert first.contains('Alias live settings:')
assert first.contains('  provisionedConcurrency: (none) -> 1')
assert first.contains('  functionUrl: (none) -> NONE, BUFFERED, CORS origins [https://www.example.com]')
assert first.contains('  eventInvokeConfig: (none) -> retries 0, max age 600 s, on failure arn:aws:sqs:us-east-1:123456789012:release-settings-failures')
assert first.contains('  permissions.maven-public-url: (none) -> * lambda:InvokeFunctionUrl with URL auth NONE')
assert first.contains('Provisioned concurrency of release-settings:live: 1 environments ready')
def url = (first =~ /Function URL of release-settings:live: (http\S+)/)[0][1]

// 2: nothing to change, the URL logged again
assert second.contains('No change: release-settings stays at version 1, nothing published')
assert !second.contains('Alias live settings:')
assert second.contains("Function URL of release-settings:live: ${url}")

// 3: authoritative, without the URL in the pom: the URL goes, the rest stays
assert third.contains('  functionUrl: NONE, BUFFERED, CORS origins [https://www.example.com] -> (none)')
assert third.contains('Function URL of release-settings:live removed')

// deployment.json of the last build; of the first, the URL (build 2's report had it too: it is rewritten each build)
def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/deployment.json'))
assert report.function.settings.recursiveLoop == 'Allow'
assert report.function.settings.deadLetterTargetArn == 'arn:aws:sqs:us-east-1:123456789012:release-settings-dlq'
assert report.alias.functionUrl == null

EmulatorState.open(new File(emulatorHome)).withCloseable { state ->
    def lambda = state.lambda()
    def v1 = state.configuration('release-settings', '1')
    assert v1.deadLetterConfig().targetArn() == 'arn:aws:sqs:us-east-1:123456789012:release-settings-dlq'
    assert lambda.getFunctionRecursionConfig { it.functionName('release-settings') }.recursiveLoopAsString() == 'Allow'
    def provisioned = lambda.getProvisionedConcurrencyConfig { it.functionName('release-settings').qualifier('live') }
    assert provisioned.statusAsString() == 'READY'
    assert provisioned.allocatedProvisionedConcurrentExecutions() == 1
    def async = lambda.getFunctionEventInvokeConfig { it.functionName('release-settings').qualifier('live') }
    assert async.maximumRetryAttempts() == 0
    assert async.maximumEventAgeInSeconds() == 600
    assert async.destinationConfig().onFailure().destination() == 'arn:aws:sqs:us-east-1:123456789012:release-settings-failures'
    def functionPolicy = new JsonSlurper().parseText(lambda.getPolicy { it.functionName('release-settings') }.policy())
    assert functionPolicy.Statement*.Sid == ['maven-s3-uploads']
    assert functionPolicy.Statement[0].Condition.ArnLike.'AWS:SourceArn' == 'arn:aws:s3:::release-settings-uploads'
    def aliasPolicy = new JsonSlurper().parseText(lambda.getPolicy { it.functionName('release-settings').qualifier('live') }.policy())
    assert aliasPolicy.Statement*.Sid == ['maven-public-url']
    assert aliasPolicy.Statement[0].Condition.StringEquals.'lambda:FunctionUrlAuthType' == 'NONE'
    try {
        lambda.getFunctionUrlConfig { it.functionName('release-settings').qualifier('live') }
        assert false: 'build 3 removed the URL'
    } catch (ResourceNotFoundException expected) {
    }
}
return true
