package dev.lambdamaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaHandlerCheckTest {

    @TempDir
    Path classes;

    private JavaHandlerCheck check;

    @BeforeEach
    void compileFixtures() throws Exception {
        JavaSources.compile(classes, Map.of(
                "com.acme.Greeter", JavaSources.GREETER,
                "com.acme.Base", """
                        package com.acme;
                        public abstract class Base implements com.amazonaws.services.lambda.runtime.RequestStreamHandler {
                            public void helper() {}
                        }
                        """,
                "com.acme.Streamer", """
                        package com.acme;
                        public class Streamer extends Base {
                            public void handleRequest(java.io.InputStream in, java.io.OutputStream out,
                                    com.amazonaws.services.lambda.runtime.Context c) {}
                        }
                        """,
                "com.acme.Plain", """
                        package com.acme;
                        public class Plain {
                            public String apply(String s) { return s; }
                            String hidden(String s) { return s; }
                        }
                        """));
        check = new JavaHandlerCheck(classes, List.of(JavaSources.lambdaCoreJar()));
    }

    @Test
    void acceptsHandlersTheJavaRuntimeCanLoad() {
        assertThatCode(() -> check.check("com.acme.Greeter::handleRequest")).doesNotThrowAnyException();
        assertThatCode(() -> check.check("com.acme.Greeter")).doesNotThrowAnyException();
        assertThatCode(() -> check.check("com.acme.Streamer")).as("interface through the superclass")
                .doesNotThrowAnyException();
        assertThatCode(() -> check.check("com.acme.Streamer::helper")).as("inherited method")
                .doesNotThrowAnyException();
        assertThatCode(() -> check.check("com.acme.Plain::apply")).doesNotThrowAnyException();
    }

    @Test
    void aHandlerOfTheClassesDirectoryIsCheckedWithoutOpeningAnyJar() throws Exception {
        Path unreadable = java.nio.file.Files.writeString(classes.resolve("not-a-jar.jar"), "not a zip");
        JavaHandlerCheck withBadJar = new JavaHandlerCheck(classes, List.of(unreadable));

        assertThatCode(() -> withBadJar.check("com.acme.Greeter"))
                .as("the superclass chain ends at java.lang.Object, which is never looked for in jars")
                .doesNotThrowAnyException();
        assertThatCode(() -> withBadJar.check("com.acme.Streamer")).doesNotThrowAnyException();
    }

    @Test
    void missingClassNamesTheHandlerAndTheClassesThatFit() {
        assertThatThrownBy(() -> check.check("com.acme.Greter::handleRequest"))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("Handler 'com.acme.Greter::handleRequest'")
                .hasMessageContaining("com.acme.Greter, which is neither in the compiled classes nor in a dependency jar")
                .hasMessageContaining("com.acme.Greeter::handleRequest, com.acme.Streamer::handleRequest")
                .hasMessageContaining("<handler>");
    }

    @Test
    void missingOrNonPublicMethodIsRejected() {
        assertThatThrownBy(() -> check.check("com.acme.Plain::hidden"))
                .hasMessageContaining("names method hidden, which com.acme.Plain does not have as a public method");
        assertThatThrownBy(() -> check.check("com.acme.Greeter::handle"))
                .hasMessageContaining("names method handle");
    }

    @Test
    void classWithoutMethodMustImplementAHandlerInterface() {
        assertThatThrownBy(() -> check.check("com.acme.Plain"))
                .hasMessageContaining("must implement RequestHandler or RequestStreamHandler");
        assertThatThrownBy(() -> check.check("com.acme.Base"))
                .hasMessageContaining("abstract or an interface");
    }

    @Test
    void malformedHandlerIsRejected() {
        assertThatThrownBy(() -> check.check("com.acme.Greeter::")).hasMessageContaining("is not of the form");
        assertThatThrownBy(() -> check.check(" ")).hasMessageContaining("is empty");
    }

    @Test
    void findsConcreteHandlerClassesOnly() {
        assertThat(check.candidates()).containsExactly("com.acme.Greeter::handleRequest",
                "com.acme.Streamer::handleRequest");
    }
}
