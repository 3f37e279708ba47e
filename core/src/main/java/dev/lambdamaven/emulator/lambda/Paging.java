package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** {@code Marker}/{@code MaxItems} pagination over an ordered list; markers are opaque to clients. */
final class Paging {

    private Paging() {}

    static void page(ApiRequest request, List<? extends JsonNode> items, ObjectNode out, String field,
            int defaultMax, int maxLimit) {
        int max = defaultMax;
        String maxItems = request.query("MaxItems");
        if (maxItems != null) {
            try {
                max = Integer.parseInt(maxItems);
            } catch (NumberFormatException e) {
                throw ApiException.validation(maxItems, "maxItems", "Member must be a number");
            }
            new Violations().range("maxItems", com.fasterxml.jackson.databind.node.IntNode.valueOf(max), 1, maxLimit)
                    .check();
        }
        int start = decode(request.query("Marker"));
        int end = Math.min(items.size(), start + max);
        ArrayNode array = out.putArray(field);
        for (int i = Math.min(start, items.size()); i < end; i++) {
            array.add(items.get(i));
        }
        if (end < items.size()) {
            out.put("NextMarker", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("o:" + end).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static int decode(String marker) {
        if (marker == null || marker.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (text.startsWith("o:")) {
                return Integer.parseInt(text.substring(2));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiException.invalidParameter("Invalid marker: " + marker);
    }
}
