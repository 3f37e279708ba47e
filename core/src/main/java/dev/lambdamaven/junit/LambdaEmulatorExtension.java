package dev.lambdamaven.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The extension behind {@link LambdaEmulator}: starts the emulator before the class or each test, keeps it in
 * JUnit's store (which closes it, and deletes a temporary state directory, when the class or test is done) and
 * resolves {@link LocalLambda} and {@link LambdaClient} parameters.
 */
public final class LambdaEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LambdaEmulatorExtension.class);
    private static final String KEY = "emulator";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (settings(context).lifecycle() == LambdaEmulator.Lifecycle.PER_CLASS
                && context.getStore(NAMESPACE).get(KEY) == null) {
            context.getStore(NAMESPACE).put(KEY, start(settings(context)));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (settings(context).lifecycle() == LambdaEmulator.Lifecycle.PER_TEST) {
            context.getStore(NAMESPACE).put(KEY, start(settings(context)));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalLambda.class || type == LambdaClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalLambda lambda = running(context).orElseThrow(() -> new ParameterResolutionException(
                "No Lambda emulator runs for " + context.getDisplayName() + ": with @LambdaEmulator(lifecycle ="
                        + " PER_TEST), take LocalLambda or LambdaClient in test methods, not in the constructor"
                        + " or in @BeforeAll methods."));
        return parameter.getParameter().getType() == LambdaClient.class ? lambda.lambda() : lambda;
    }

    /** The test's or the class's emulator: a store falls back to those of the enclosing contexts. */
    private static Optional<LocalLambda> running(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(KEY, LocalLambda.class));
    }

    private static LambdaEmulator settings(ExtensionContext context) {
        return context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, LambdaEmulator.class))
                .or(() -> context.getTestClass().flatMap(LambdaEmulatorExtension::enclosing))
                .orElseThrow(() -> new ExtensionConfigurationException("LambdaEmulatorExtension is used without"
                        + " @LambdaEmulator on " + context.getDisplayName() + ": annotate the test class with"
                        + " @LambdaEmulator instead of @ExtendWith(LambdaEmulatorExtension.class)."));
    }

    /** A nested test class takes the settings of the class it is in. */
    private static Optional<LambdaEmulator> enclosing(Class<?> type) {
        for (Class<?> c = type.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
            Optional<LambdaEmulator> found = AnnotationSupport.findAnnotation(c, LambdaEmulator.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static LocalLambda start(LambdaEmulator settings) {
        try {
            boolean temporary = settings.stateDir().isBlank();
            Path dir = temporary ? Files.createTempDirectory("lambda-emulator-") : Path.of(settings.stateDir());
            return LocalLambda.start(dir, temporary, settings.region());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Lambda emulator: " + e.getMessage(), e);
        }
    }
}
