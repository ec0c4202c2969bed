package org.supportgate.gateway.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/**
 * Plain sockets that can all be closed from another thread, which makes any read or write on
 * them fail at once (on platform and virtual threads alike). Used to hold a send to a deadline.
 */
final class ClosingSocketFactory extends SocketFactory {

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    void closeAll() {
        closed = true;
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // already broken, which is the point
            }
        }
    }

    private Socket track(Socket socket) throws IOException {
        sockets.add(socket);
        if (closed) {
            socket.close();
        }
        return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
        return track(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = track(new Socket());
        socket.connect(new java.net.InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = track(new Socket());
        socket.bind(new java.net.InetSocketAddress(localHost, localPort));
        socket.connect(new java.net.InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = track(new Socket());
        socket.connect(new java.net.InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket socket = track(new Socket());
        socket.bind(new java.net.InetSocketAddress(localAddress, localPort));
        socket.connect(new java.net.InetSocketAddress(address, port));
        return socket;
    }
}
