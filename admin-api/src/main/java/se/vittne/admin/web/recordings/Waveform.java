package se.vittne.admin.web.recordings;

import java.util.List;
import java.util.Locale;
import se.vittne.admin.playback.Waveforms.WaveformView;

/**
 * The player's waveform as SVG paths, drawn on the server from the recording's peaks: each channel
 * (one party each) as a band of bars mirrored about its middle line, in a 1000 × 100 view box that
 * the page stretches to its width. Clicking it seeks (the page's script), so it needs no library.
 *
 * @param paths one path per channel
 * @param channels how many channels
 */
public record Waveform(List<String> paths, int channels) {
  /** The view box's width and height. */
  public static final int WIDTH = 1000;

  public static final int HEIGHT = 100;

  public static Waveform of(WaveformView view) {
    int channels = Math.max(1, view.peaks().size());
    double band = (double) HEIGHT / channels;
    List<String> paths =
        java.util.stream.IntStream.range(0, view.peaks().size())
            .mapToObj(c -> path(view.peaks().get(c), band * c, band))
            .toList();
    return new Waveform(paths, channels);
  }

  private static String path(double[] peaks, double top, double band) {
    StringBuilder d = new StringBuilder();
    double step = (double) WIDTH / Math.max(1, peaks.length);
    double middle = top + band / 2;
    for (int i = 0; i < peaks.length; i++) {
      double half = Math.max(0.5, Math.min(1, peaks[i]) * (band / 2 - 1));
      d.append(
          String.format(
              Locale.ROOT, "M%.1f %.1fV%.1f", i * step + step / 2, middle - half, middle + half));
    }
    return d.toString();
  }
}
