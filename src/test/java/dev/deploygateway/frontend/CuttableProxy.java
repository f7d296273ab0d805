package dev.deploygateway.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of the app, for network cuts a browser cannot tell from the real thing: {@link #cut()}
 * closes every connection and stops listening, so new connections are <em>refused</em> (not hung, and not
 * Chromium's offline mode, which leaves an open EventSource alone); {@link #restore()} listens on the same port
 * again. Bytes pass unchanged, so the browser's {@code Host} and {@code Origin} stay the proxy's own.
 */
final class CuttableProxy implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    private CuttableProxy(int port, int targetPort) {
        this.port = port;
        this.targetPort = targetPort;
    }

    /** A proxy on a free port of localhost, forwarding to {@code targetPort}. */
    static CuttableProxy to(int targetPort) {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CuttableProxy proxy = new CuttableProxy(port, targetPort);
        proxy.restore();
        return proxy;
    }

    String origin() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** Starts listening (again): from now on connections are accepted and forwarded. */
    synchronized void restore() {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = server;
            Thread acceptor = new Thread(() -> accept(server), "proxy-accept-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a new connection to the proxy's port is refused now. A connection that "succeeds" to itself (the
     * kernel chose the free port as the connection's own source port: TCP's simultaneous open, which can happen
     * for a port in the ephemeral range with nothing listening on it) is no listener either.
     */
    boolean refuses() {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return probe.getLocalPort() == port;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops every connection and stops listening: the browser's reconnects are refused until {@link #restore()}. */
    synchronized void cut() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing is all that is wanted.
        }
        open.forEach(CuttableProxy::quietlyClose);
        open.clear();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket("localhost", targetPort);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return; // cut, or closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException e) {
                // The other side went away (or the proxy cut it).
            } catch (IOException e) {
                // Same: nothing to forward any more.
            } finally {
                quietlyClose(from);
                quietlyClose(to);
                open.remove(from);
                open.remove(to);
            }
        }, "proxy-pump-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private static void quietlyClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        cut();
    }
}
