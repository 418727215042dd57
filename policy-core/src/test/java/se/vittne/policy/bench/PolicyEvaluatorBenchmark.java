package se.vittne.policy.bench;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import se.vittne.policy.CallFacts;
import se.vittne.policy.ConsentSignal;
import se.vittne.policy.Decision;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.Direction;
import se.vittne.policy.DirectionRule;
import se.vittne.policy.GroupId;
import se.vittne.policy.GroupPolicy;
import se.vittne.policy.PolicyEvaluator;
import se.vittne.policy.RecordedParty;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;

/**
 * Decisions per second of one thread on a large policy: 1,000 departments, 10,000 excluded numbers,
 * 500 answer groups, 200 approved direct numbers. The calls are a fixed random mix of directions,
 * departments, groups and numbers, some of them excluded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyEvaluatorBenchmark {
  private static final int CALLS = 4096;

  private final PolicyEvaluator evaluator = new PolicyEvaluator();
  private RecordingPolicy policy;
  private CallFacts[] calls;
  private int next;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    TenantId tenant = new TenantId(new UUID(1, 1));
    RecordingPolicy.Builder builder = RecordingPolicy.builder(tenant).version(12);
    Set<DepartmentId> incoming = new HashSet<>();
    Set<DepartmentId> outgoing = new HashSet<>();
    for (int d = 0; d < 1_000; d++) {
      if (d % 2 == 0) {
        incoming.add(department(d));
      }
      if (d % 3 == 0) {
        outgoing.add(department(d));
      }
    }
    builder.direction(Direction.INCOMING, DirectionRule.on(incoming));
    builder.direction(Direction.OUTGOING, DirectionRule.on(outgoing));
    for (int n = 0; n < 10_000; n++) {
      builder.excludeNumber(customer(n));
    }
    for (int g = 0; g < 500; g++) {
      builder.group(group(g), GroupPolicy.values()[g % GroupPolicy.values().length]);
    }
    for (int n = 0; n < 200; n++) {
      builder.approveDirectNumber(ddi(n));
    }
    policy = builder.build();

    calls = new CallFacts[CALLS];
    Direction[] directions = Direction.values();
    for (int i = 0; i < CALLS; i++) {
      Direction direction = directions[random.nextInt(directions.length)];
      RecordedParty party =
          RecordedParty.of(
              String.valueOf(1000 + i),
              department(random.nextInt(1_100)).value(),
              random.nextInt(20) > 0);
      CallFacts.Builder call =
          CallFacts.builder(tenant, direction, party)
              // one call in ten is from an excluded number
              .remoteNumber(customer(random.nextInt(100_000)))
              .consent(random.nextInt(50) == 0 ? ConsentSignal.REFUSED : ConsentSignal.UNKNOWN);
      if (direction == Direction.INCOMING) {
        call.dialledNumber(ddi(random.nextInt(2_000)));
        if (random.nextBoolean()) {
          call.answerGroup(group(random.nextInt(600)));
        }
      }
      calls[i] = call.build();
    }
  }

  @Benchmark
  public Decision evaluate() {
    CallFacts call = calls[next];
    next = (next + 1) & (CALLS - 1);
    return evaluator.evaluate(policy, call);
  }

  private static DepartmentId department(int d) {
    return new DepartmentId("Avdelning " + d);
  }

  private static GroupId group(int g) {
    return new GroupId("+4611" + (3_000_000 + g));
  }

  private static PhoneNumber customer(int n) {
    return PhoneNumber.ofE164("+4670" + (1_000_000 + n));
  }

  private static PhoneNumber ddi(int n) {
    return PhoneNumber.ofE164("+4631" + (5_000_000 + n));
  }
}
