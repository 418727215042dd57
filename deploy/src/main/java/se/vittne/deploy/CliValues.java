package se.vittne.deploy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters for the command line's values: durations like {@code 30s}, and {@code host:port}. */
final class CliValues {
  private CliValues() {}

  /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT30S}). */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      try {
        if (text.startsWith("pt")) {
          return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        if (text.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
          case 's' -> Duration.ofSeconds(amount);
          case 'm' -> Duration.ofMinutes(amount);
          case 'h' -> Duration.ofHours(amount);
          default -> Duration.ofSeconds(Long.parseLong(text));
        };
      } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
        throw new TypeConversionException("not a duration (e.g. 30s, 500ms, 2m): " + value);
      }
    }
  }

  /** {@code host:port}, IPv6 as {@code [::1]:5060}. */
  static final class HostPortConverter implements ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String value) {
      String[] parts = splitHostAndRest(value);
      try {
        return new InetSocketAddress(InetAddress.getByName(parts[0]), Integer.parseInt(parts[1]));
      } catch (UnknownHostException | NumberFormatException e) {
        throw new TypeConversionException("not host:port: " + value);
      }
    }
  }

  /** Splits {@code host:rest} at the last colon outside IPv6 brackets. */
  static String[] splitHostAndRest(String value) {
    String text = value.trim();
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new TypeConversionException("expected host:port, got " + value);
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new String[] {host, text.substring(colon + 1)};
  }
}
