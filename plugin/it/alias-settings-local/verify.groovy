import dev.lambdamaven.it.EmulatorState
import groovy.json.JsonSlurper
import software.amazon.awssdk.core.SdkBytes
import software.amazon.awssdk.services.lambda.model.InvocationType
import software.amazon.awssdk.services.lambda.model.LogType

def log = new File(basedir, 'build.log').text
assert log.contains('SnapStart: version 1 of als-snap runs from its snapshot (OptimizationStatus On)')
assert log.contains('Provisioned concurrency of als-web:live: 1 environments ready')
def url = new JsonSlurper().parse(new File(basedir, 'web/target/lambda/deployment.json')).alias.functionUrl
assert log.contains("Function URL of als-web:live: ${url}")

/** Invokes function:live, with the last 4 KB of its log. */
def invoke = { lambda, String function, String payload ->
    def answer = lambda.invoke { it.functionName(function).qualifier('live').logType(LogType.TAIL)
            .payload(SdkBytes.fromUtf8String(payload)) }
    [answer.payload().asUtf8String(), new String(answer.logResult().decodeBase64(), 'UTF-8')]
}

EmulatorState.open(new File(emulatorHome)).withCloseable { state ->
    def lambda = state.lambda()

    // SnapStart: the environment starts from the version's snapshot; afterRestore reopened what beforeCheckpoint closed
    def (snap, snapLog) = invoke(lambda, 'als-snap', '{}')
    assert snap == '"connection reopened after restore, version 1"'
    assert snapLog.contains('Restore Duration:')
    assert !snapLog.contains('Init Duration')

    // the function URL, over HTTP as curl sends it, answered by the environment provisioned ahead
    def curl = ['curl', '-s', '-i', "${url}orders/7"].execute()
    def response = curl.text
    assert curl.waitFor() == 0
    assert response.startsWith('HTTP/1.1 200')
    assert new JsonSlurper().parseText(response.substring(response.indexOf('\r\n\r\n') + 4)) ==
            [rawPath: '/orders/7', version: '1']
    def (web, webLog) = invoke(lambda, 'als-web', '{}')
    assert webLog.contains('REPORT RequestId:')
    assert !webLog.contains('Init Duration'): 'a provisioned environment has no cold start: ' + webLog

    // a failing Event invocation, not retried (maximumRetryAttempts 0), its record delivered to the onFailure function
    def accepted = lambda.invoke { it.functionName('als-failing').qualifier('live').invocationType(InvocationType.EVENT)
            .payload(SdkBytes.fromUtf8String('{"order":7}')) }
    assert accepted.statusCode() == 202
    def record = new File(basedir, 'sink-record.json')
    def deadline = System.currentTimeMillis() + 90_000
    while (!record.exists() && System.currentTimeMillis() < deadline) {
        Thread.sleep(100)
    }
    assert record.exists(): 'the onFailure function als-sink got no record within 90 s'
    def delivered = new JsonSlurper().parse(record)
    assert delivered.version == '1.0'
    assert delivered.requestContext.condition == 'RetriesExhausted'
    assert delivered.requestContext.approximateInvokeCount == 1
    assert delivered.requestContext.functionArn.startsWith('arn:aws:lambda:us-east-1:123456789012:function:als-failing')
    assert delivered.requestPayload == [order: 7]
    assert delivered.responsePayload.errorMessage == 'order 7 cannot be processed'
}
return true
