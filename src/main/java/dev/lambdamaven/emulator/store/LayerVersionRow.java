package dev.lambdamaven.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One published layer version; {@code policyRevision} is null until a permission is added. */
public record LayerVersionRow(String name, long version, ObjectNode config, String zipSha, long unzippedSize,
        String policyRevision) {}
