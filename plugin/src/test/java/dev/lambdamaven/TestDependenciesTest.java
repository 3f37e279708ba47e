package dev.lambdamaven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Tests use only what the pom declares for them, not what arrives through another test dependency. */
@AnalyzeClasses(packages = "dev.lambdamaven", importOptions = TestCode.Only.class)
class TestDependenciesTest {

    @ArchTest
    static final ArchRule noMockito = noClasses().should().dependOnClassesThat().resideInAPackage("org.mockito..")
            .because("Mockito reaches the test class path only through maven-plugin-testing-harness; the tests use"
                    + " real objects (a MavenSession over a request, a server through its endpoint)");
}
