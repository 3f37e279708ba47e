package demo;

import com.amazonaws.services.lambda.crac.Core;
import com.amazonaws.services.lambda.crac.Resource;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SnapStart function with runtime hooks, registered as AWS's guide shows: its beforeCheckpoint closes what must not
 * be in a snapshot, its afterRestore opens it again. Each hook appends a line to $HOOK_LOG; the answer shows what the
 * hooks left.
 */
public class SnapStartHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Resource {

    private static String connection = "opened at init";
    private static int restores;

    public SnapStartHandler() {
        Core.getGlobalContext().register(this);
        hook("init");
    }

    @Override
    public void beforeCheckpoint(com.amazonaws.services.lambda.crac.Context<? extends Resource> context) {
        if (System.getenv("FAIL_CHECKPOINT") != null) {
            throw new IllegalStateException("the connection pool cannot be closed");
        }
        connection = "closed for the snapshot";
        System.out.println("beforeCheckpoint ran");
        hook("beforeCheckpoint");
    }

    @Override
    public void afterRestore(com.amazonaws.services.lambda.crac.Context<? extends Resource> context) {
        restores++;
        connection = "reopened after restore";
        System.out.println("afterRestore ran");
        hook("afterRestore");
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("connection", connection);
        answer.put("restores", restores);
        answer.put("initializationType", System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
        answer.put("pid", ProcessHandle.current().pid());
        answer.put("version", context.getFunctionVersion());
        return answer;
    }

    private static void hook(String name) {
        String log = System.getenv("HOOK_LOG");
        if (log == null) {
            return;
        }
        try {
            Files.writeString(Path.of(log), name + " " + ProcessHandle.current().pid() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
