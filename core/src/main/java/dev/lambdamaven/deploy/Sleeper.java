package dev.lambdamaven.deploy;

/** Waits; tests pass one that returns at once (or records the waits). */
interface Sleeper {

    Sleeper REAL = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
