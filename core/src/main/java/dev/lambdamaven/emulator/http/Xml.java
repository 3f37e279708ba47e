package dev.lambdamaven.emulator.http;

/** Tiny XML writing helpers for the S3 and EC2 answers. */
public final class Xml {

    public static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private Xml() {}

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code <name>escaped value</name>}. */
    public static String element(String name, Object value) {
        return "<" + name + ">" + escape(String.valueOf(value)) + "</" + name + ">";
    }

    public static ApiResponse response(int status, String xml) {
        return ApiResponse.bytes(status, (DECLARATION + xml).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/xml");
    }

    /** An S3 error document: {@code <Error><Code>..</Code><Message>..</Message><RequestId>..</RequestId></Error>}. */
    public static ApiResponse s3Error(int status, String code, String message, String requestId) {
        return response(status, "<Error>" + element("Code", code) + element("Message", message)
                + element("RequestId", requestId) + "</Error>");
    }

    /** An EC2 query-protocol error document. */
    public static ApiResponse ec2Error(int status, String code, String message, String requestId) {
        return response(status, "<Response><Errors><Error>" + element("Code", code) + element("Message", message)
                + "</Error></Errors>" + element("RequestID", requestId) + "</Response>");
    }
}
