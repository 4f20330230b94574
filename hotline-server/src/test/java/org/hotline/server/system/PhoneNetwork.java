package org.hotline.server.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The citizens' side of test calls: a plain AMI connection that originates {@code Local/} calls into
 * the 12345 dialplan. Raw protocol on purpose: Asterisk-Java stays inside the telephony module.
 */
final class PhoneNetwork implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    PhoneNetwork(String host, int port, String user, String secret) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(15_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
        in.readLine();
        String login = send("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\nEvents: off\r\n");
        if (!login.contains("Response: Success")) {
            throw new IOException("AMI login refused: " + login);
        }
    }

    /** A citizen with {@code callerId} dials 12345 and stays on the line for {@code holdSeconds}. */
    String callHotline(String callerId, int holdSeconds) throws IOException {
        return send("Action: Originate\r\nChannel: Local/12345@hotline-in\r\nContext: hotline-sim-caller\r\n"
                + "Exten: hold\r\nPriority: 1\r\nCallerID: " + callerId + "\r\nAsync: true\r\nTimeout: 30000\r\n"
                + "Variable: HOTLINE_SIM_HOLD=" + holdSeconds + "\r\n");
    }

    private String send(String action) throws IOException {
        out.write((action + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        StringBuilder response = new StringBuilder();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            response.append(line).append('\n');
        }
        return response.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
