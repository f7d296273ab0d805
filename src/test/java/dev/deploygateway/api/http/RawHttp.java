package dev.deploygateway.api.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client library will send: header values with CR or NUL,
 * request lines of any length, chunked bodies that never end within the limit. It keeps reading the answer even
 * when the server stops reading the request, as a server that refuses a body early does.
 */
public final class RawHttp {

    private static final int TIMEOUT_MS = 10_000;

    private RawHttp() {
    }

    /** What came back: status, headers (names lower-cased) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code head} (request line and headers, without the blank line) and then {@code body}. */
    public static Answer send(int port, String head, byte[] body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The server refused before reading everything and closed: its answer may still be readable.
            }
            return parse(readAnswer(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chunked body of {@code prefix} followed by {@code fillerBytes} of 'x' in 64 KiB chunks, then the end. */
    public static byte[] chunked(String prefix, int fillerBytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        chunk(body, prefix.getBytes(StandardCharsets.UTF_8));
        byte[] filler = new byte[64 * 1024];
        Arrays.fill(filler, (byte) 'x');
        for (int sent = 0; sent < fillerBytes; sent += filler.length) {
            chunk(body, filler);
        }
        body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream body, byte[] data) {
        body.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(data);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                answer.write(buffer, 0, n);
                if (complete(answer.toByteArray())) {
                    break;
                }
            }
        } catch (SocketTimeoutException | SocketException e) {
            // A connection the server keeps open (or resets) after a complete answer: use what arrived.
        }
        return answer.toByteArray();
    }

    /** True once the head and as many body bytes as Content-Length announces have arrived. */
    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String length = parseHeaders(text.substring(0, end)).get("content-length");
        return length != null && bytes.length - (end + 4) >= Integer.parseInt(length.trim());
    }

    private static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no HTTP answer: " + text);
        }
        String head = text.substring(0, end);
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        return new Answer(status, parseHeaders(head), text.substring(end + 4));
    }

    private static Map<String, String> parseHeaders(String head) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }
}
