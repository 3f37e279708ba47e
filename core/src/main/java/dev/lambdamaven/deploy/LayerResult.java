package dev.lambdamaven.deploy;

/** A layer after publish-layer: the version functions should use ({@code null} ARN in a dry run of a change). */
public record LayerResult(String layerName, String layerVersionArn, Long version, String codeSha256,
                         boolean changed) {
}
