package se.vittne.admin.web.home;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.vittne.admin.overview.OverviewService.CallOverview;
import se.vittne.admin.overview.OverviewService.DayCounts;
import se.vittne.admin.web.Text;

/**
 * The overview's chart, drawn on the server as SVG: per day, one bar per direction (incoming,
 * outgoing, internal) side by side, with a scale of round numbers. The numbers are in the table
 * beside it too, for screen readers and for reading exact values.
 *
 * @param width the view box's width
 * @param height its height
 * @param bars the bars
 * @param days the labels under each day
 * @param ticks the scale's lines
 * @param max the scale's top
 */
public record Chart(
    int width, int height, List<Bar> bars, List<Label> days, List<Tick> ticks, long max) {
  private static final int LEFT = 40;
  private static final int TOP = 10;
  private static final int BOTTOM = 30;
  private static final int PLOT_HEIGHT = 200;

  /** A bar: where, how high, and which direction (its CSS class and title). */
  public record Bar(
      double x, double y, double width, double height, String direction, String title) {}

  /** A day's label. */
  public record Label(double x, double y, String text) {}

  /** A line of the scale with its value. */
  public record Tick(double y, long value) {}

  public static Chart of(CallOverview overview, Text t) {
    List<DayCounts> days = overview.days();
    long max = 1;
    for (DayCounts d : days) {
      max =
          Math.max(
              max,
              Math.max(
                  d.calls().incoming().total(),
                  Math.max(d.calls().outgoing().total(), d.calls().internal().total())));
    }
    long top = niceCeiling(max);
    int slot = days.size() > 31 ? 8 : 36;
    int width = LEFT + Math.max(1, days.size()) * slot + 10;
    double barWidth = (slot - 6) / 3.0;
    List<Bar> bars = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    DateTimeFormatter day = DateTimeFormatter.ofPattern("d/M", Locale.ROOT);
    int every = Math.max(1, days.size() / 15);
    for (int i = 0; i < days.size(); i++) {
      DayCounts d = days.get(i);
      double x = LEFT + i * slot + 3;
      long[] counts = {
        d.calls().incoming().total(), d.calls().outgoing().total(), d.calls().internal().total()
      };
      String[] names = {"incoming", "outgoing", "internal"};
      for (int k = 0; k < 3; k++) {
        double h = PLOT_HEIGHT * (double) counts[k] / top;
        bars.add(
            new Bar(
                x + k * barWidth,
                TOP + PLOT_HEIGHT - h,
                barWidth,
                h,
                names[k],
                t.get(
                    "home.chart.bar",
                    day.format(d.date()),
                    t.get("direction." + names[k].toUpperCase(Locale.ROOT)),
                    counts[k])));
      }
      if (i % every == 0) {
        labels.add(new Label(x + slot / 2.0 - 3, TOP + PLOT_HEIGHT + 18, day.format(d.date())));
      }
    }
    List<Tick> ticks = new ArrayList<>();
    for (int k = 0; k <= 4; k++) {
      long value = top * k / 4;
      ticks.add(new Tick(TOP + PLOT_HEIGHT - PLOT_HEIGHT * (double) value / top, value));
    }
    return new Chart(width, TOP + PLOT_HEIGHT + BOTTOM, bars, labels, ticks, top);
  }

  /** The smallest of 4, 8, 12, 20, 40, 80, 100... (divisible by 4) at or above {@code n}. */
  static long niceCeiling(long n) {
    long magnitude = 1;
    while (magnitude * 10 < n) {
      magnitude *= 10;
    }
    for (long f : new long[] {1, 2, 4, 5, 8, 10}) {
      long candidate = f * magnitude;
      if (candidate >= n && candidate % 4 == 0) {
        return candidate;
      }
    }
    return Math.max(4, ((n + 3) / 4) * 4);
  }

  public String x(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
