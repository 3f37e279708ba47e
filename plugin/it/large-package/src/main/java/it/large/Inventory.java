package it.large;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Answers with what its dependency jars give it: proof that the whole package was deployed and unpacked. */
public class Inventory implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        try {
            ImmutableSortedSet<String> clients = ImmutableSortedSet.of(S3Client.SERVICE_NAME,
                    DynamoDbClient.SERVICE_NAME, SqsClient.SERVICE_NAME, Ec2Client.SERVICE_NAME);
            Map<String, Object> answer = new TreeMap<>();
            answer.put("clients", clients);
            answer.put("region", Region.of(System.getenv("AWS_REGION")).id());
            answer.put("order", event.get("order"));
            return new ObjectMapper().writeValueAsString(answer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
