package dev.lambdamaven.emulator.runtime;

/** How one invocation ended inside its environment, before it is turned into an {@link InvocationResult}. */
record Outcome(Kind kind, byte[] payload) {

    enum Kind {
        /** The runtime posted a response. */
        RESPONSE,
        /** The runtime posted an invocation error (a handler exception). */
        FUNCTION_ERROR,
        /** The runtime posted an init error, or the process ended. */
        ENVIRONMENT_FAILED,
        /** Init or the handler ran out of time: the environment is killed. */
        TIMED_OUT
    }

    boolean keepsEnvironment() {
        return kind == Kind.RESPONSE || kind == Kind.FUNCTION_ERROR;
    }
}
