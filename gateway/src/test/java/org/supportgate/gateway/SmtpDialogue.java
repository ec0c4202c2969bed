package org.supportgate.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A raw SMTP client for tests: sends exactly the bytes given and reads replies, so a test can
 * speak correctly, slowly, or wrongly on purpose.
 */
public final class SmtpDialogue implements AutoCloseable {

    /** One SMTP reply (all lines of a multi-line reply joined with newlines). */
    public record Reply(int code, String text) {

        public String queueId() {
            int at = text.indexOf("queued as ");
            if (at < 0) {
                throw new AssertionError("no queue id in reply " + code + " " + text);
            }
            return text.substring(at + "queued as ".length()).strip();
        }

        @Override
        public String toString() {
            return code + " " + text;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Reply greeting;

    private SmtpDialogue(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.greeting = reply();
    }

    public static SmtpDialogue open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        return new SmtpDialogue(socket);
    }

    public Reply greeting() {
        return greeting;
    }

    public Reply command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply();
    }

    /** EHLO, MAIL, RCPT..., DATA with the message dot-stuffed; returns the reply to the final dot. */
    public Reply send(String mailFrom, byte[] message, String... recipients) throws IOException {
        expect(command("EHLO client.example"), 250);
        return sendInSession(mailFrom, message, recipients);
    }

    /** MAIL, RCPT..., DATA on a session that has already said EHLO. */
    public Reply sendInSession(String mailFrom, byte[] message, String... recipients) throws IOException {
        expect(command("MAIL FROM:<" + mailFrom + ">"), 250);
        for (String recipient : recipients) {
            expect(command("RCPT TO:<" + recipient + ">"), 250);
        }
        return sendData(message);
    }

    /** DATA with the message dot-stuffed, after MAIL and RCPT were accepted. */
    public Reply sendData(byte[] message) throws IOException {
        Reply data = command("DATA");
        if (data.code() != 354) {
            return data;
        }
        out.write(dotStuff(message));
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public Reply reply() throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            String line = line();
            if (line == null) {
                throw new IOException("connection closed by server" + (text.isEmpty() ? "" : " after " + text));
            }
            if (line.length() < 3) {
                throw new IOException("malformed reply line: " + line);
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), text.toString());
            }
        }
    }

    /** True once the server has closed the connection (reads until end of stream). */
    public boolean closedByServer() {
        try {
            while (in.read() != -1) {
                // drain whatever the server said before closing
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }

    static byte[] dotStuff(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 64);
        boolean lineStart = true;
        for (byte b : message) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    public static Reply expect(Reply reply, int code) {
        if (reply.code() != code) {
            throw new AssertionError("expected " + code + " but got " + reply);
        }
        return reply;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
