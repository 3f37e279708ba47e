package dev.lambdamaven.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A layer to publish: its zip and the hash package-layer recorded for it ({@code null}: not known), metadata,
 * and the principals (account ids, or {@code *} for everyone) that may use each published version.
 */
public record LayerSpec(
        String layerName,
        Path zip,
        String codeSha256,
        String description,
        String licenseInfo,
        List<String> compatibleRuntimes,
        List<String> compatibleArchitectures,
        List<String> sharedWith) {

    public LayerSpec {
        if (layerName == null || !layerName.matches("[a-zA-Z0-9-_]{1,64}")) {
            throw new InvalidSpecException("layerName", layerName,
                    "use 1 to 64 letters, digits, hyphens or underscores (default: the artifactId)");
        }
        if (zip == null) {
            throw new InvalidSpecException("layer zip", null, "run package-layer first (mvn package)");
        }
        if (description != null && description.length() > FunctionSpec.MAX_DESCRIPTION) {
            throw new InvalidSpecException("description", description.length() + " characters",
                    "Lambda allows " + FunctionSpec.MAX_DESCRIPTION + " for a layer version; shorten it");
        }
        if (licenseInfo != null && licenseInfo.length() > 512) {
            throw new InvalidSpecException("licenseInfo", licenseInfo.length() + " characters",
                    "Lambda allows 512; use an SPDX identifier such as Apache-2.0 or a URL");
        }
        compatibleRuntimes = sortedCopy(compatibleRuntimes);
        if (compatibleRuntimes.size() > 15) {
            throw new InvalidSpecException("compatibleRuntimes", compatibleRuntimes.size() + " runtimes",
                    "a layer declares at most 15");
        }
        compatibleRuntimes.forEach(r -> Runtimes.require("compatibleRuntimes", r));
        compatibleArchitectures = sortedCopy(compatibleArchitectures);
        for (String a : compatibleArchitectures) {
            if (!FunctionSpec.ARCHITECTURES.contains(a)) {
                throw new InvalidSpecException("compatibleArchitectures", a, "use x86_64 or arm64");
            }
        }
        sharedWith = sortedCopy(sharedWith);
        for (String p : sharedWith) {
            if (!p.equals("*") && !p.matches("\\d{12}")) {
                throw new InvalidSpecException("layerPermissions", p, "use a 12-digit account id or * (public)");
            }
        }
    }

    private static List<String> sortedCopy(List<String> values) {
        return values == null ? List.of() : values.stream().sorted().distinct().toList();
    }
}
