package se.vittne.capture.sip.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends raw bytes to the server over UDP or a fresh TCP connection and collects what comes back,
 * for messages no well-behaved user agent would send.
 */
public final class RawSipClient implements AutoCloseable {
  private final InetAddress server;
  private final int port;
  private final DatagramSocket udp;

  public RawSipClient(InetAddress local, InetAddress server, int port) throws IOException {
    this.server = server;
    this.port = port;
    this.udp = new DatagramSocket(new InetSocketAddress(local, 0));
  }

  /** Our UDP port, for Via headers. */
  public int localPort() {
    return udp.getLocalPort();
  }

  /** Sends a datagram and returns the responses that arrive within the wait, in order. */
  public List<String> udp(byte[] message, Duration wait) throws IOException {
    udp.send(new DatagramPacket(message, message.length, server, port));
    return receive(wait);
  }

  /** Reads datagrams until the wait passes without one. */
  public List<String> receive(Duration wait) throws IOException {
    List<String> responses = new ArrayList<>();
    byte[] buffer = new byte[65535];
    udp.setSoTimeout((int) wait.toMillis());
    while (true) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
      } catch (SocketTimeoutException e) {
        return responses;
      }
      responses.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
      udp.setSoTimeout(50);
    }
  }

  /**
   * Sends bytes on a new TCP connection from the given local address, reads until the wait passes
   * without data or the server closes, and returns everything read. The message is made from the
   * connection's local port, for its Via.
   */
  public static String tcp(
      InetAddress local,
      InetAddress server,
      int port,
      java.util.function.IntFunction<byte[]> message,
      Duration wait)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(local, 0));
      socket.connect(new InetSocketAddress(server, port), 2000);
      OutputStream out = socket.getOutputStream();
      out.write(message.apply(socket.getLocalPort()));
      out.flush();
      socket.setSoTimeout((int) wait.toMillis());
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (true) {
        int n;
        try {
          n = in.read(buffer);
        } catch (SocketTimeoutException e) {
          break;
        } catch (IOException e) {
          break;
        }
        if (n < 0) {
          break;
        }
        read.write(buffer, 0, n);
        socket.setSoTimeout(150);
      }
      return read.toString(StandardCharsets.UTF_8);
    }
  }

  /** The status code of a response's first line, if it is a response. */
  public static Optional<Integer> status(String response) {
    if (!response.startsWith("SIP/2.0 ")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(response.substring(8, 11)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    udp.close();
  }
}
