package it.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers a function URL request (payload format 2.0) with what it was asked. */
public class UrlProbe implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("rawPath", event.get("rawPath"));
        answer.put("version", context.getFunctionVersion());
        return answer;
    }
}
