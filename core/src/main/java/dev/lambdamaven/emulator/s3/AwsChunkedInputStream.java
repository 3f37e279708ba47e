package dev.lambdamaven.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the {@code aws-chunked} body encoding the AWS SDKs use for streaming uploads:
 * {@code <hex size>[;chunk-signature=...]\r\n<data>\r\n} repeated, a zero-size chunk, then optional trailer
 * headers (checksums). Signatures are not verified: the emulator accepts any signed request.
 */
final class AwsChunkedInputStream extends InputStream {

    private final InputStream in;
    private long remaining;
    private boolean done;

    AwsChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (remaining == 0) {
            String header = line();
            int semicolon = header.indexOf(';');
            String size = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
            try {
                remaining = Long.parseLong(size, 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed aws-chunked body: chunk header '" + header + "'");
            }
            if (remaining == 0) {
                done = true;
                while (!line().isEmpty()) {
                    // trailer headers (e.g. x-amz-checksum-crc32) end with an empty line
                }
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new IOException("truncated aws-chunked body");
        }
        remaining -= n;
        if (remaining == 0) {
            line(); // the CRLF after the chunk data
        }
        return n;
    }

    private String line() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                out.write(c);
            }
            if (out.size() > 8192) {
                throw new IOException("malformed aws-chunked body: line too long");
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
