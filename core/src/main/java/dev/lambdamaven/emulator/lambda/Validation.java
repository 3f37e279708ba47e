package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.lambda.Violations.StringRule;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS Lambda's input constraints, one table: the limits of the API model (botocore's
 * {@code lambda/2015-03-31/service-2.json}) with the patterns and value sets as AWS prints them in its messages,
 * recorded on AWS in LocalStack's {@code tests/aws/services/lambda_/test_lambda_api.snapshot.json} (the test
 * named beside each). Where AWS's printed text was not recorded, the model's is used.
 */
public final class Validation {

    /** A region name as AWS's printed patterns spell it. */
    private static final String REGION_NAME = "(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}";
    private static final String REGION = "(" + REGION_NAME + ":)?";

    /** CreateFunction and the other operations on a function's name (max 140): test_function_name_and_qualifier_validation. */
    static final StringRule FUNCTION_NAME = new StringRule(1, 140, "(arn:(aws[a-zA-Z-]*)?:lambda:)?" + REGION
            + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
    /** GetFunction, GetFunctionConfiguration, DeleteFunction, Invoke, ListVersionsByFunction (max 256): same test. */
    static final StringRule NAMESPACED_FUNCTION_NAME = new StringRule(1, 256, "(arn:(aws[a-zA-Z-]*)?:lambda:)?"
            + REGION + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?");
    /** The {@code Qualifier} query parameter: test_function_name_and_qualifier_validation. */
    static final StringRule QUALIFIER = new StringRule(1, 128, "\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+");
    /** test_alias_naming. */
    static final StringRule ALIAS = new StringRule(1, 128, "(?!^[0-9]+$)([a-zA-Z0-9-_]+)");
    /** An alias's FunctionVersion (model: VersionWithLatestPublished). */
    static final StringRule ALIAS_VERSION = new StringRule(1, 1024, "(\\$LATEST(\\.PUBLISHED)?|[0-9]+)");
    /** A key of AdditionalVersionWeights: test_notfound_and_invalid_routingconfigs. */
    static final StringRule ADDITIONAL_VERSION = new StringRule(1, 1024, "[0-9]+");
    static final StringRule DESCRIPTION = new StringRule(0, 256, null);
    /** test_create_lambda_exceptions. */
    static final StringRule ROLE = new StringRule(0, Integer.MAX_VALUE,
            "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    static final StringRule HANDLER = new StringRule(0, 128, "[^\\s]+");
    static final StringRule KMS_KEY_ARN = new StringRule(0, Integer.MAX_VALUE, "(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()");
    static final StringRule RESOURCE_ARN = KMS_KEY_ARN;
    static final StringRule LOG_GROUP = new StringRule(1, 512, "[\\.\\-_/#A-Za-z0-9]+");
    static final StringRule FILE_SYSTEM_ARN = new StringRule(0, 256, "arn:aws[a-zA-Z-]*:elasticfilesystem:"
            + "[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:access-point/fsap-[a-f0-9]{17}");
    static final StringRule LOCAL_MOUNT_PATH = new StringRule(0, 160, "/mnt/[a-zA-Z0-9-_.]+");
    static final StringRule CODE_SIGNING_CONFIG_ARN = new StringRule(0, 200, "arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}"
            + "((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:code-signing-config:csc-[a-z0-9]{17}");
    static final StringRule S3_BUCKET = new StringRule(3, 63, "[0-9A-Za-z\\.\\-_]*(?<!\\.)");
    static final StringRule S3_KEY = new StringRule(1, 1024, null);
    static final StringRule WORKING_DIRECTORY = new StringRule(0, 1000, null);
    /** A subnet id in VpcConfig: test_invalid_vpc_config_subnet. */
    static final StringRule SUBNET_ID = new StringRule(0, 1024, "subnet-[0-9a-z]*");
    /** test_invalid_vpc_config_security_group. */
    static final StringRule SECURITY_GROUP_ID = new StringRule(0, 1024, "sg-[0-9a-zA-Z]*");
    static final StringRule LAYER_NAME = new StringRule(1, 140,
            "(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+");
    private static final String LAYER_VERSION_ARN_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:" + REGION_NAME
            + ":\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+)|(arn:[a-zA-Z0-9-]+:lambda:::awslayer:"
            + "[a-zA-Z0-9-_]+)";
    /** A function's Layers entry: test_layer_function_exceptions. */
    static final StringRule LAYER_VERSION_ARN = new StringRule(1, 2048, LAYER_VERSION_ARN_PATTERN);
    /** GetLayerVersionByArn's Arn (max 140 in the model): test_layer_exceptions. */
    static final StringRule LAYER_VERSION_ARN_QUERY = new StringRule(1, 140, LAYER_VERSION_ARN_PATTERN);
    /** TagResource, UntagResource, ListTags: test_tag_exceptions. */
    static final StringRule TAGGABLE_RESOURCE = new StringRule(1, 256, "arn:(aws[a-zA-Z-]*):lambda:"
            + REGION_NAME + ":\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?"
            + "|layer:([a-zA-Z0-9-_]+)|code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|capacity-provider:[a-zA-Z0-9-_]+)");
    static final StringRule MASTER_REGION = new StringRule(0, Integer.MAX_VALUE, "ALL|[a-z]{2}(-gov)?-[a-z]+-\\d{1}");
    static final StringRule STATEMENT_ID = new StringRule(1, 100, "([a-zA-Z0-9-_]+)");
    /** test_layer_policy_exceptions. */
    static final StringRule LAYER_ACTION = new StringRule(0, 22, "lambda:GetLayerVersion");
    static final StringRule LAYER_PRINCIPAL = new StringRule(0, Integer.MAX_VALUE,
            "\\d{12}|\\*|arn:(aws[a-zA-Z-]*):iam::\\d{12}:root");
    static final StringRule ORGANIZATION_ID = new StringRule(0, 34, "o-[a-z0-9]{10,32}");
    static final StringRule LICENSE_INFO = new StringRule(0, 512, null);

    static final List<String> ARCHITECTURES = List.of("x86_64", "arm64");
    static final List<String> TRACING_MODES = List.of("Active", "PassThrough");
    static final List<String> PACKAGE_TYPES = List.of("Zip", "Image");
    /** test_snapstart_exceptions. */
    static final List<String> SNAP_START_APPLY_ON = List.of("PublishedVersions", "None");
    static final List<String> LOG_FORMATS = List.of("JSON", "Text");
    static final List<String> APPLICATION_LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
    static final List<String> SYSTEM_LOG_LEVELS = List.of("DEBUG", "INFO", "WARN");

    /**
     * The runtimes functions can be created and updated with, in the order AWS lists them (test_create_lambda_exceptions,
     * recorded 2026-01-12; test_function_revisions_basic updated a function to python3.8 on 2025-11-25).
     */
    static final List<String> RUNTIMES = List.of("nodejs20.x", "python3.14", "provided.al2023", "python3.12",
            "python3.13", "nodejs24.x", "nodejs22.x", "java25", "python3.10", "python3.11", "java21", "ruby3.3",
            "ruby3.4", "ruby3.2", "python3.8", "python3.9", "java17", "nodejs16.x", "dotnet10", "dotnet8", "java11",
            "dotnet6", "nodejs18.x", "provided.al2", "java8.al2");
    /** Every value of the API's Runtime enum, in AWS's order (ListLayers' message in test_layer_exceptions). */
    static final List<String> ALL_RUNTIMES = List.of("ruby3.5", "ruby2.6", "dotnetcore1.0", "python3.7",
            "nodejs8.10", "nasa", "ruby2.7", "python2.7-greengrass", "dotnetcore2.0", "python3.8", "java21", "dotnet6",
            "dotnetcore2.1", "python3.9", "java11", "nodejs6.10", "provided", "dotnetcore3.1", "dotnet8", "java25",
            "java17", "nodejs", "nodejs4.3", "java8.al2", "go1.x", "dotnet10", "nodejs20.x", "go1.9", "byol",
            "nodejs10.x", "provided.al2023", "nodejs22.x", "python3.10", "java8", "nodejs12.x", "python3.11",
            "nodejs24.x", "nodejs8.x", "python3.12", "nodejs14.x", "nodejs8.9", "nodejs26.x", "python3.13", "python3.14",
            "nodejs16.x", "python3.15", "provided.al2", "nodejs4.3-edge", "nodejs18.x", "ruby3.2", "python3.4",
            "ruby3.3", "ruby3.4", "ruby2.5", "python3.6", "python2.7");
    /**
     * Runtimes that existed and can no longer be used to create or update functions
     * (TestRuntimeValidation::test_create_deprecated_function_runtime_with_validation_enabled).
     */
    static final Set<String> DEPRECATED_RUNTIMES = Set.of("nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10",
            "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "java8", "python2.7", "python3.6", "python3.7",
            "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "ruby2.5", "ruby2.7", "go1.x",
            "provided");
    static final Set<String> RESERVED_ENV_KEYS = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    static final Pattern ENV_KEY = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
    static final Pattern ALIAS_NAME = ALIAS.pattern();

    /** The largest memory an account may give a function; above it the model's 32768 passes the front end. */
    static final int MAX_MEMORY = 10_240;
    static final int MAX_TIMEOUT = 900;

    private Validation() {}

    /**
     * A runtime for CreateFunction or UpdateFunctionConfiguration: Lambda (not its front end) checks it, so an unknown
     * one is an InvalidParameterValueException listing the usable ones (test_create_lambda_exceptions).
     */
    public static void runtime(String runtime) {
        if (DEPRECATED_RUNTIMES.contains(runtime)) {
            throw ApiException.invalidParameter("The runtime parameter of " + runtime + " is no longer supported"
                    + " for creating or updating AWS Lambda functions. We recommend you use a supported runtime"
                    + " while creating or updating functions.");
        }
        if (!RUNTIMES.contains(runtime)) {
            throw ApiException.invalidParameter("Value " + runtime + " at 'runtime' failed to satisfy constraint:"
                    + " Member must satisfy enum value set: " + RUNTIMES + " or be a valid ARN");
        }
    }

    /** A layer's CompatibleRuntimes: any value of the enum, deprecated ones too (test_layer_compatibilities). */
    static void compatibleRuntimes(Violations violations, JsonNode runtimes) {
        if (runtimes == null) {
            return;
        }
        violations.size("compatibleRuntimes", runtimes, 0, 15);
        for (JsonNode runtime : runtimes) {
            if (!ALL_RUNTIMES.contains(runtime.asText())) {
                violations.add(runtimes, "compatibleRuntimes", "Member must satisfy enum value set: " + RUNTIMES);
                return;
            }
        }
    }

    /** A list of architectures, as AWS checks each member (test_create_lambda_exceptions, test_layer_exceptions). */
    static void architectures(Violations violations, String field, JsonNode list,
            int max) {
        if (list == null) {
            return;
        }
        violations.size(field, list, field.equals("architectures") ? 1 : 0, max);
        violations.eachMember(field, list, ARCHITECTURES::contains,
                "[Member must satisfy enum value set: " + ARCHITECTURES + ", Member must not be null]");
    }
}
