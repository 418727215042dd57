package se.vittne.capture.loadgen;

import java.io.File;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that drive an external program skip, loudly, when it is missing on a developer's machine;
 * with {@code VITTNE_REQUIRE_TOOLS} set (CI installs the tools) a missing one fails the test.
 */
final class RequiredTool {
  private RequiredTool() {}

  /** The program's path on PATH; skips or fails the test when there is none. */
  static String require(String program, String debianPackage) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      File candidate = new File(dir, program);
      if (candidate.canExecute()) {
        return candidate.getAbsolutePath();
      }
    }
    String message =
        "`"
            + program
            + "` is not installed (Debian package "
            + debianPackage
            + "): "
            + "this test needs it. Install it with apt-get install "
            + debianPackage
            + ".";
    if (System.getenv("VITTNE_REQUIRE_TOOLS") != null) {
      Assertions.fail(message + " VITTNE_REQUIRE_TOOLS is set, so a missing tool fails.");
    }
    System.err.println("*** SKIPPED *** " + message);
    Assumptions.abort(message);
    return program;
  }
}
