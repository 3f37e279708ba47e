package it.local;

import com.amazonaws.services.lambda.crac.Core;
import com.amazonaws.services.lambda.crac.Resource;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A SnapStart function whose hooks change what it answers: afterRestore reopens what beforeCheckpoint closed. */
public class SnapProbe implements RequestHandler<Map<String, Object>, String>, Resource {

    private static String connection = "opened at init";

    public SnapProbe() {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(com.amazonaws.services.lambda.crac.Context<? extends Resource> context) {
        connection = "closed for the snapshot";
    }

    @Override
    public void afterRestore(com.amazonaws.services.lambda.crac.Context<? extends Resource> context) {
        connection = "reopened after restore";
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "connection " + connection + ", version " + context.getFunctionVersion();
    }
}
