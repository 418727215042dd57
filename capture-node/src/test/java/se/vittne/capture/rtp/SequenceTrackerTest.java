package se.vittne.capture.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import se.vittne.capture.rtp.SequenceTracker.Outcome;

class SequenceTrackerTest {

  @Test
  void extendsAcrossTheWrapAround() {
    SequenceTracker t = new SequenceTracker();
    assertThat(t.update(65534)).isEqualTo(Outcome.FIRST);
    assertThat(t.update(65535)).isEqualTo(Outcome.NEWER);
    assertThat(t.update(0)).isEqualTo(Outcome.NEWER);
    assertThat(t.extended()).isEqualTo(65536);
    assertThat(t.update(1)).isEqualTo(Outcome.NEWER);
    assertThat(t.extended()).isEqualTo(65537);
    assertThat(t.expected()).isEqualTo(4);
    assertThat(t.lost()).isZero();
  }

  @Test
  void reorderedPacketAcrossTheWrapGetsTheEarlierCycle() {
    SequenceTracker t = new SequenceTracker();
    t.update(65533);
    t.update(0);
    assertThat(t.update(65535)).isEqualTo(Outcome.OLDER);
    assertThat(t.extended()).isEqualTo(65535);
    assertThat(t.update(65534)).isEqualTo(Outcome.OLDER);
    assertThat(t.lost()).isZero();
  }

  @Test
  void countsGapsAsLostUntilFilled() {
    SequenceTracker t = new SequenceTracker();
    t.update(10);
    t.update(13);
    assertThat(t.lost()).isEqualTo(2);
    t.update(11);
    assertThat(t.lost()).isEqualTo(1);
  }

  @Test
  void detectsDuplicatesOfTheNewestAndOfOlderPackets() {
    SequenceTracker t = new SequenceTracker();
    t.update(100);
    t.update(101);
    assertThat(t.update(101)).isEqualTo(Outcome.DUPLICATE);
    assertThat(t.update(100)).isEqualTo(Outcome.DUPLICATE);
    assertThat(t.duplicates()).isEqualTo(2);
    assertThat(t.received()).isEqualTo(2);
  }

  @Test
  void believesAWildJumpOnlyWhenTheNextPacketConfirmsIt() {
    SequenceTracker t = new SequenceTracker();
    t.update(1000);
    t.update(1001);
    assertThat(t.update(30000)).isEqualTo(Outcome.BAD_JUMP);
    assertThat(t.update(1002)).isEqualTo(Outcome.NEWER);
    assertThat(t.update(40000)).isEqualTo(Outcome.BAD_JUMP);
    assertThat(t.update(40001)).isEqualTo(Outcome.FIRST);
    long restarted = t.extended();
    assertThat(restarted).isGreaterThan(1002);
    assertThat(t.update(40002)).isEqualTo(Outcome.NEWER);
    assertThat(t.extended()).isEqualTo(restarted + 1);
    assertThat(t.expected()).isEqualTo(3 + 2);
  }

  @Test
  void aPacketFarBehindIsAJumpAndDisturbsNothing() {
    SequenceTracker t = new SequenceTracker();
    for (int s = 0; s <= 200; s++) {
      t.update(s);
    }
    assertThat(t.update(200 - SequenceTracker.MAX_MISORDER - 10)).isEqualTo(Outcome.BAD_JUMP);
    assertThat(t.update(201)).isEqualTo(Outcome.NEWER);
    assertThat(t.extended()).isEqualTo(201);
    assertThat(t.lost()).isZero();
  }

  @Test
  void lossEqualsDroppedPacketsWhateverTheReorderingAndDuplication() {
    qt().forAll(
            integers().between(0, 65535),
            lists().of(integers().between(0, 9)).ofSizeBetween(1, 60),
            integers().between(0, 1000))
        .checkAssert((start, pattern, seed) -> {
          // pattern: 0 = dropped, 1 = duplicated, else delivered once
          List<Integer> sent = new ArrayList<>();
          int dropped = 0;
          int dups = 0;
          for (int i = 0; i < pattern.size(); i++) {
            int seq = (start + i) & 0xFFFF;
            int p = pattern.get(i);
            if (p == 0 && i > 0 && i < pattern.size() - 1) {
              dropped++;
              continue;
            }
            sent.add(seq);
            if (p == 1) {
              sent.add(seq);
              dups++;
            }
          }
          // local reordering: swap neighbours at random
          Random r = new Random(seed);
          for (int i = 1; i < sent.size() - 1; i++) {
            if (r.nextInt(4) == 0) {
              Collections.swap(sent, i, i + 1);
            }
          }
          SequenceTracker t = new SequenceTracker();
          sent.forEach(t::update);
          // the first and last in send order may have been swapped with a neighbour
          assertThat(t.lost()).isEqualTo(dropped);
          assertThat(t.duplicates()).isEqualTo(dups);
        });
  }
}
