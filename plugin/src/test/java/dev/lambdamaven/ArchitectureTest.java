package dev.lambdamaven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.UUID;

/** The one rule between packages: only the Mojos know Maven; the core packages know only what they own. */
@AnalyzeClasses(packages = "dev.lambdamaven", importOptions = TestCode.Excluded.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyPluginImportsMaven = noClasses()
            .that().resideOutsideOfPackage("dev.lambdamaven.plugin..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..")
            .because("only dev.lambdamaven.plugin may know Maven (see DESIGN.md)");

    @ArchTest
    static final ArchRule theSdkStaysInsideDeploy = noClasses()
            .that().resideInAPackage("dev.lambdamaven.plugin..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..")
            .because("the deployer turns the SDK's exceptions into its own, with the fix (see DESIGN.md)");

    @ArchTest
    static final ArchRule configIsPlainJava = noClasses()
            .that().resideInAPackage("dev.lambdamaven.config..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.lambdamaven.packaging..", "dev.lambdamaven.deploy..", "dev.lambdamaven.emulator..",
                    "dev.lambdamaven.plugin..", "software.amazon..", "com.fasterxml..")
            .because("specs are immutable JDK-only values");

    @ArchTest
    static final ArchRule packagingIsSelfContained = noClasses()
            .that().resideInAPackage("dev.lambdamaven.packaging..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.lambdamaven.deploy..", "dev.lambdamaven.emulator..", "dev.lambdamaven.plugin..",
                    "software.amazon..")
            .because("packaging needs only the JDK and the zip library");

    @ArchTest
    static final ArchRule emulatorDoesNotUseTheDeployer = noClasses()
            .that().resideInAPackage("dev.lambdamaven.emulator..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.lambdamaven.deploy..", "dev.lambdamaven.plugin..", "dev.lambdamaven.packaging..",
                    "dev.lambdamaven.config..", "dev.lambdamaven.dev..", "dev.lambdamaven.junit..",
                    "software.amazon..")
            .because("the emulator is reached like AWS, never from the inside, and the runnable emulator jar holds"
                    + " only dev.lambdamaven.emulator (with Jackson and SQLite)");

    @ArchTest
    static final ArchRule onlyTheExtensionKnowsJUnit = noClasses()
            .that().resideOutsideOfPackage("dev.lambdamaven.junit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.junit..")
            .because("junit-jupiter-api is a provided dependency: only users' tests have it");

    @ArchTest
    static final ArchRule theDevLoopIsReachedThroughItsGoal = noClasses()
            .that().resideInAnyPackage("dev.lambdamaven.deploy..", "dev.lambdamaven.packaging..",
                    "dev.lambdamaven.config..", "dev.lambdamaven.junit..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.lambdamaven.dev..", "dev.lambdamaven.plugin..")
            .because("lambda:dev builds on packaging and deploy, not the other way round");

    @ArchTest
    static final ArchRule deployDoesNotReachIntoTheEmulator = noClasses()
            .that().resideInAPackage("dev.lambdamaven.deploy..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.lambdamaven.emulator..", "dev.lambdamaven.plugin..")
            .because("one deployer, two endpoints: the emulator is reached through the SDK");

    @ArchTest
    static final ArchRule emulatorStartsWithoutSlowClasses = noClasses()
            .that().resideInAPackage("dev.lambdamaven.emulator..")
            .should().dependOnClassesThat().belongToAnyOf(ObjectMapper.class)
            .orShould().callMethod(UUID.class, "randomUUID")
            .because("the emulator must start in well under a second: an ObjectMapper loads hundreds of classes and"
                    + " UUID.randomUUID seeds a SecureRandom (use http.Json and http.Ids)");

    @ArchTest
    static final ArchRule emulatorPackagesAreFreeOfCycles = slices().matching("dev.lambdamaven.emulator.(*)..")
            .should().beFreeOfCycles()
            .because("each part of the emulator (http, store, lambda, s3, ec2, runtime) builds on the ones below it");

    @ArchTest
    static final ArchRule emulatorPartsDoNotKnowTheEmulator = noClasses()
            .that().resideInAPackage("dev.lambdamaven.emulator.*..")
            .should().dependOnClassesThat().resideInAPackage("dev.lambdamaven.emulator")
            .because("Emulator and EmulatorOptions assemble the parts; a part that knew them would close a cycle");
}
