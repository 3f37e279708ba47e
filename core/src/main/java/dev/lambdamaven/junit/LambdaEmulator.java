package dev.lambdamaven.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the plugin's local Lambda emulator for a test class: on a free loopback port, with a temporary state
 * directory (or {@link #stateDir()}), and hands each test method or constructor parameter of type
 * {@link LocalLambda} (endpoint, helpers) or {@code LambdaClient} (ready: endpoint, region and dummy credentials
 * set). Functions invoked there run locally in child JVMs, as with {@code lambda:invoke}.
 *
 * <pre>{@code
 * @LambdaEmulator
 * class HandlerTest {
 *     @Test
 *     void greets(LocalLambda lambda) {
 *         lambda.deploy("hello", "com.example.Hello::handleRequest", Path.of("target/classes"));
 *         assertEquals("\"Hello, Ada\"", lambda.invoke("hello", "{\"name\":\"Ada\"}"));
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LambdaEmulatorExtension.class)
public @interface LambdaEmulator {

    /** When a new emulator starts. */
    enum Lifecycle {
        /** One emulator for all tests of the class (and its nested classes). */
        PER_CLASS,
        /** A fresh emulator, and a fresh temporary state directory, for each test. */
        PER_TEST
    }

    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /**
     * A state directory to use (and keep) instead of a temporary one that is deleted afterwards, e.g.
     * {@code target/lambda-emulator}; relative to the working directory.
     */
    String stateDir() default "";

    /** The region of the clients (the emulator keeps state per region). */
    String region() default "us-east-1";
}
