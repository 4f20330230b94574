package org.hotline.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Minimal RESP client for the fixture's self-tests: the fixtures module depends on no Redis client. */
final class RespClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    RespClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(5000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    /** Sends one command and returns its reply as text: simple strings, integers, bulk strings or nil. */
    String call(String... args) throws IOException {
        StringBuilder command = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            command.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
        }
        out.write(command.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply();
    }

    /** Arrays come back as their elements joined by newlines, which is all the self-tests compare. */
    private String reply() throws IOException {
        String line = in.readLine();
        return switch (line.charAt(0)) {
            case '+', ':', '-' -> line.substring(1);
            case '$' -> line.equals("$-1") ? null : in.readLine();
            case '*' -> array(Integer.parseInt(line.substring(1)));
            default -> throw new IOException("unexpected reply " + line);
        };
    }

    private String array(int size) throws IOException {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < size; i++) {
            joined.append(i == 0 ? "" : "\n").append(reply());
        }
        return joined.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
