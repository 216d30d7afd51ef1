package io.nurture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An SMTP relay in front of the test's mail server that plays a slow provider (each connection waits a moment before
 * it is passed on, so sends are still going out when a burst of events has been answered) and, once armed, kills
 * Nurture the instant Nurture opens its next SMTP connection: the send has been claimed and not yet handed over.
 * With one job thread no other send is then between the provider's "250 OK" and the delivery log's commit, the one
 * moment that no sender can make exactly-once (a resend then carries the same Message-ID, see DeliveryLog).
 */
public final class SmtpTripwire implements AutoCloseable {

    private final ServerSocket server;
    private final int upstreamPort;
    private final Duration slowness;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicReference<Runnable> kill = new AtomicReference<>();
    private final CountDownLatch tripped = new CountDownLatch(1);

    public SmtpTripwire(int upstreamPort, Duration slowness) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.slowness = slowness;
        threads.submit(this::acceptConnections);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next connection runs {@code killNurture} (which returns once the process is gone) instead of a relay. */
    public void arm(Runnable killNurture) {
        kill.set(killNurture);
    }

    public boolean awaitTripped(Duration timeout) throws InterruptedException {
        return tripped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private void acceptConnections() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Runnable killNurture = kill.getAndSet(null);
                if (killNurture != null) {
                    killNurture.run();
                    client.close();
                    tripped.countDown();
                } else {
                    threads.submit(() -> relay(client));
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            Thread.sleep(slowness.toMillis());
            Future<?> toServer = threads.submit(() -> copy(client.getInputStream(), upstream.getOutputStream(),
                    upstream));
            copy(upstream.getInputStream(), client.getOutputStream(), client);
            toServer.get(30, TimeUnit.SECONDS);
        } catch (Exception brokenOff) {
            // the client was killed or the test ended: nothing to relay any more
        }
    }

    private static Void copy(InputStream from, OutputStream to, Socket receiver) throws IOException {
        try {
            from.transferTo(to);
        } finally {
            if (!receiver.isClosed()) {
                receiver.shutdownOutput();
            }
        }
        return null;
    }
}
