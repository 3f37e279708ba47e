package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentReportTest {

    @TempDir
    Path target;

    private static Plan emptyPlan() {
        return new Plan("orders", false, "h", "h", List.of(), List.of());
    }

    @Test
    void eachGoalRewritesOnlyItsSection() throws Exception {
        DeploymentReport report = new DeploymentReport(target);
        report.recordFunction(new FunctionResult("orders", "arn:fn", "7", "h", true, emptyPlan()), List.of("arn:layer:2"));
        assertThat(report.functionChanged()).isTrue();
        report.recordAlias(new AliasResult("live", "arn:fn:live", "6", Map.of("7", 0.1), "5", true));
        report.recordFunction(new FunctionResult("orders", "arn:fn", "7", "h", false, emptyPlan()), List.of("arn:layer:2"));

        assertThat(report.functionVersion()).contains("7");
        assertThat(report.functionChanged()).isFalse();
        String json = Files.readString(target.resolve("lambda/deployment.json"));
        assertThat(json).contains("\"functionVersion\" : \"6\"", "\"7\" : 0.1", "\"previousVersion\" : \"5\"",
                "\"layers\" : [ \"arn:layer:2\" ]", "\"changed\" : false");
    }

    @Test
    void theReportIsWrittenWithTheModeOfAnyNewFileNotOwnerOnly() throws Exception {
        new DeploymentReport(target).recordAlias(new AliasResult("live", "arn:fn:live", "6", Map.of(), null, true));
        Path sibling = Files.writeString(target.resolve("lambda/written-by-maven.txt"), "x"); // mode from the umask

        assertThat(Files.getPosixFilePermissions(target.resolve("lambda/deployment.json")))
                .isEqualTo(Files.getPosixFilePermissions(sibling));
        try (var files = Files.list(target.resolve("lambda"))) {
            assertThat(files).as("no temp file left").hasSize(2);
        }
    }

    @Test
    void aLayerDryRunWithAChangeRecordsNoArn() {
        DeploymentReport report = new DeploymentReport(target);
        report.recordLayer(new LayerResult("libs", "arn:layer:1", 1L, "h1", false));
        assertThat(report.layerVersionArn()).contains("arn:layer:1");

        report.recordLayer(new LayerResult("libs", null, null, "h2", true));

        assertThat(report.layerVersionArn()).isEmpty();
        assertThat(report.functionVersion()).isEmpty();
    }

    @Test
    void aNewDeploymentStartsWithoutTheOldReport() {
        DeploymentReport report = new DeploymentReport(target);
        report.recordFunction(new FunctionResult("orders", "arn:fn", "7", "h", true, emptyPlan()), List.of());

        report.delete();

        assertThat(report.file()).doesNotExist();
        assertThat(report.functionVersion()).isEmpty();
        report.delete(); // nothing to delete is fine
    }
}
