package se.vittne.deploy;

import java.io.File;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that drive an external program skip, loudly, when it is missing on a developer's machine;
 * with {@code VITTNE_REQUIRE_TOOLS} set (CI installs the tools) a missing one fails the test.
 */
final class RequiredTools {
  private RequiredTools() {}

  static String require(String program, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File candidate = new File(dir, program);
      if (candidate.canExecute()) {
        return candidate.getAbsolutePath();
      }
    }
    String message =
        "`%s` is not installed (Debian package %s): apt-get install %s"
            .formatted(program, debianPackage, debianPackage);
    if (System.getenv("VITTNE_REQUIRE_TOOLS") != null) {
      throw new AssertionError(message);
    }
    System.err.println("SKIPPED: " + message);
    Assumptions.abort(message);
    return program;
  }
}
