package se.vittne.capture.loadgen;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A real UDP receiver for tests: keeps a copy of every datagram (up to a bound) on a thread. */
final class UdpCollector implements AutoCloseable {
  private static final int MAX_PACKETS = 200_000;

  private final DatagramSocket socket;
  private final Thread reader;
  private final List<byte[]> packets = new ArrayList<>();

  UdpCollector() throws SocketException {
    socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    socket.setReceiveBufferSize(4 << 20);
    socket.setSoTimeout(100);
    reader = Thread.ofPlatform().daemon().name("udp-collector-" + port()).start(this::read);
  }

  int port() {
    return socket.getLocalPort();
  }

  private void read() {
    byte[] buffer = new byte[2048];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        synchronized (packets) {
          if (packets.size() < MAX_PACKETS) {
            packets.add(Arrays.copyOf(buffer, packet.getLength()));
          }
        }
      } catch (SocketTimeoutException e) {
        // check for close, then read on
      } catch (IOException e) {
        return;
      }
    }
  }

  /** The packets so far, in arrival order. */
  List<byte[]> packets() {
    synchronized (packets) {
      return List.copyOf(packets);
    }
  }

  /** Waits until at least {@code count} packets arrived or the time is up; returns them. */
  List<byte[]> await(int count, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (packets().size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    return packets();
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    reader.join(2000);
  }
}
