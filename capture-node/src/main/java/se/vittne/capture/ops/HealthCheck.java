package se.vittne.capture.ops;

/** One condition the node needs to take new calls, checked when the readiness probe asks. */
@FunctionalInterface
public interface HealthCheck {

  /** The check's current result; must be quick and must not throw. */
  HealthStatus check();
}
