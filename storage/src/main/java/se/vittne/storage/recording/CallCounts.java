package se.vittne.storage.recording;

import java.util.EnumMap;
import java.util.Map;
import se.vittne.policy.Direction;

/**
 * How many calls there were in a period, per direction: those recorded and those the policy did not
 * record (R-25's overview and "calls made and received").
 *
 * @param recorded recorded calls per direction
 * @param notRecorded calls not recorded per direction
 */
public record CallCounts(Map<Direction, Long> recorded, Map<Direction, Long> notRecorded) {
  public CallCounts {
    recorded = complete(recorded);
    notRecorded = complete(notRecorded);
  }

  public long total(Direction direction) {
    return recorded.get(direction) + notRecorded.get(direction);
  }

  private static Map<Direction, Long> complete(Map<Direction, Long> counts) {
    Map<Direction, Long> all = new EnumMap<>(Direction.class);
    for (Direction d : Direction.values()) {
      all.put(d, counts.getOrDefault(d, 0L));
    }
    return Map.copyOf(all);
  }
}
