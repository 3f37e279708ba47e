package dev.lambdamaven.emulator;

import java.nio.file.Path;

/** Runs an emulator in a child JVM for the crash test: prints its endpoint, then serves until killed. */
public final class EmulatorProcessMain {

    private EmulatorProcessMain() {}

    public static void main(String[] args) throws Exception {
        Emulator emulator = Emulator.start(EmulatorFixture.options(Path.of(args[0])).build());
        System.out.println("ENDPOINT " + emulator.endpoint());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
