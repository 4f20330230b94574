package org.hotline.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Readiness probe: Asterisk is ready when its manager interface accepts a login. */
final class AmiProbe {

    private AmiProbe() {
    }

    static boolean logsIn(String host, int port, String user, String secret) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            socket.setSoTimeout(3000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            if (in.readLine() == null) {
                return false; // banner "Asterisk Call Manager/..."
            }
            OutputStream out = socket.getOutputStream();
            String login = "Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\n\r\n";
            out.write(login.getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.startsWith("Response:")) {
                    boolean success = line.contains("Success");
                    out.write("Action: Logoff\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                    return success;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
