package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/** Parameter binding of package-function: the pom's configuration reaches the Mojo's fields. */
@MojoTest
class PackageFunctionMojoTest {

    @Test
    @InjectMojo(goal = "package-function", pom = "classpath:/unit/package-function/pom.xml")
    void bindsThePomConfiguration(PackageFunctionMojo mojo) throws Exception {
        assertThat(field(mojo, "runtime")).isEqualTo("java21");
        assertThat(field(mojo, "handler")).isEqualTo("com.acme.Orders::handle");
        assertThat(field(mojo, "checkHandler")).isEqualTo(false);
        assertThat(field(mojo, "classifier")).isEqualTo("aws");
        assertThat(field(mojo, "excludes")).isEqualTo(List.of("software.amazon.awssdk:*"));
        assertThat(field(mojo, "layers")).isEqualTo(List.of("arn:aws:lambda:us-east-1:123456789012:layer:shared:3"));
    }

    private static Object field(Object mojo, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field field = mojo.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(mojo);
    }
}
