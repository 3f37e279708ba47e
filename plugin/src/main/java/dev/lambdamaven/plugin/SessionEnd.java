package dev.lambdamaven.plugin;

import java.util.function.Consumer;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;

/**
 * Runs an action when the Maven session ends, while the plugin's classes are still loadable (a JVM shutdown
 * hook runs after Maven closed them, and keeps nothing of a build that a Maven daemon outlives). Wraps the
 * request's execution listener, passing every event on to it unchanged. The event carries the session, whose
 * result tells which projects failed or were skipped.
 */
final class SessionEnd implements ExecutionListener {

    private final ExecutionListener delegate;
    private final Consumer<ExecutionEvent> action;
    private final boolean beforeMaven;

    private SessionEnd(ExecutionListener delegate, Consumer<ExecutionEvent> action, boolean beforeMaven) {
        this.delegate = delegate;
        this.action = action;
        this.beforeMaven = beforeMaven;
    }

    /** Calls {@code action} once the session ends, after Maven's own listener (its summary and result lines). */
    static synchronized void onSessionEnd(MavenExecutionRequest request, Runnable action) {
        request.setExecutionListener(new SessionEnd(request.getExecutionListener(), e -> action.run(), false));
    }

    /** Calls {@code action} as the session ends, before Maven prints its reactor summary. */
    static synchronized void beforeSessionEnd(MavenExecutionRequest request, Consumer<ExecutionEvent> action) {
        request.setExecutionListener(new SessionEnd(request.getExecutionListener(), action, true));
    }

    @Override
    public void sessionEnded(ExecutionEvent event) {
        if (beforeMaven) {
            try {
                action.accept(event);
            } finally {
                forward(l -> l.sessionEnded(event));
            }
            return;
        }
        try {
            forward(l -> l.sessionEnded(event));
        } finally {
            action.accept(event);
        }
    }

    private void forward(Consumer<ExecutionListener> call) {
        if (delegate != null) {
            call.accept(delegate);
        }
    }

    @Override public void projectDiscoveryStarted(ExecutionEvent e) { forward(l -> l.projectDiscoveryStarted(e)); }
    @Override public void sessionStarted(ExecutionEvent e) { forward(l -> l.sessionStarted(e)); }
    @Override public void projectSkipped(ExecutionEvent e) { forward(l -> l.projectSkipped(e)); }
    @Override public void projectStarted(ExecutionEvent e) { forward(l -> l.projectStarted(e)); }
    @Override public void projectSucceeded(ExecutionEvent e) { forward(l -> l.projectSucceeded(e)); }
    @Override public void projectFailed(ExecutionEvent e) { forward(l -> l.projectFailed(e)); }
    @Override public void mojoSkipped(ExecutionEvent e) { forward(l -> l.mojoSkipped(e)); }
    @Override public void mojoStarted(ExecutionEvent e) { forward(l -> l.mojoStarted(e)); }
    @Override public void mojoSucceeded(ExecutionEvent e) { forward(l -> l.mojoSucceeded(e)); }
    @Override public void mojoFailed(ExecutionEvent e) { forward(l -> l.mojoFailed(e)); }
    @Override public void forkStarted(ExecutionEvent e) { forward(l -> l.forkStarted(e)); }
    @Override public void forkSucceeded(ExecutionEvent e) { forward(l -> l.forkSucceeded(e)); }
    @Override public void forkFailed(ExecutionEvent e) { forward(l -> l.forkFailed(e)); }
    @Override public void forkedProjectStarted(ExecutionEvent e) { forward(l -> l.forkedProjectStarted(e)); }
    @Override public void forkedProjectSucceeded(ExecutionEvent e) { forward(l -> l.forkedProjectSucceeded(e)); }
    @Override public void forkedProjectFailed(ExecutionEvent e) { forward(l -> l.forkedProjectFailed(e)); }
}
