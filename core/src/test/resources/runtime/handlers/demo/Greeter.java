package demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds its answer from an environment variable; counts invocations to show warm reuse. */
public class Greeter implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static int invocations;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        invocations++;
        System.out.println("greeting " + event.get("name"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", System.getenv("GREETING") + ", " + event.get("name"));
        answer.put("invocations", invocations);
        answer.put("pid", ProcessHandle.current().pid());
        answer.put("functionName", context.getFunctionName());
        answer.put("version", context.getFunctionVersion());
        answer.put("arn", context.getInvokedFunctionArn());
        answer.put("region", System.getenv("AWS_REGION"));
        answer.put("requestId", context.getAwsRequestId());
        answer.put("remainingMillis", context.getRemainingTimeInMillis());
        answer.put("javaFeatureVersion", Runtime.version().feature());
        answer.put("taskRoot", System.getenv("LAMBDA_TASK_ROOT"));
        answer.put("userDir", System.getProperty("user.dir"));
        answer.put("tmpDir", System.getenv("TMPDIR"));
        answer.put("javaTmpDir", System.getProperty("java.io.tmpdir"));
        answer.put("executionEnv", System.getenv("AWS_EXECUTION_ENV"));
        answer.put("hasHostHome", System.getenv("HOME") != null);
        answer.put("initializationType", System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
        return answer;
    }
}
