package org.hotline.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw AMI over a socket for the fixture's self-tests (Asterisk-Java belongs to the telephony module). */
final class AmiClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    AmiClient(RealAsterisk asterisk) throws IOException {
        socket = new Socket(asterisk.amiHost(), asterisk.amiPort());
        socket.setSoTimeout(20_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
        in.readLine(); // banner
    }

    void send(Map<String, String> action) throws IOException {
        StringBuilder text = new StringBuilder();
        action.forEach((key, value) -> text.append(key).append(": ").append(value).append("\r\n"));
        out.write(text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next message (response or event) as its header map. */
    Map<String, String> next() throws IOException {
        Map<String, String> message = new LinkedHashMap<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                message.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return message;
    }

    /** Skips messages until one has the given header value; the socket timeout bounds the wait. */
    Map<String, String> await(String header, String value) throws IOException {
        for (Map<String, String> message = next(); ; message = next()) {
            if (value.equals(message.get(header))) {
                return message;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
