package dev.lambdamaven.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.Scope;

/** One published layer version; {@code policyRevision} is null until a permission is added. */
public record LayerVersionRow(Scope scope, String name, long version, ObjectNode config, String zipSha, long unzippedSize,
        String policyRevision) {}
