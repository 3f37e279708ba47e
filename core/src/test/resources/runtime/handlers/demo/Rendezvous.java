package demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Returns only once RENDEZVOUS_PARTIES invocations are inside a handler at the same time: two invocations can
 * both answer only if they run in separate environments.
 */
public class Rendezvous implements RequestHandler<Map<String, Object>, Long> {

    @Override
    public Long handleRequest(Map<String, Object> event, Context context) {
        try {
            Path dir = Path.of(System.getenv("RENDEZVOUS_DIR"));
            int parties = Integer.parseInt(System.getenv("RENDEZVOUS_PARTIES"));
            long pid = ProcessHandle.current().pid();
            Files.createFile(dir.resolve(Long.toString(pid)));
            while (true) {
                try (var arrived = Files.list(dir)) {
                    if (arrived.count() >= parties) {
                        return pid;
                    }
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
