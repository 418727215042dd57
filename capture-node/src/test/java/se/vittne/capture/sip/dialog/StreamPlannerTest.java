package se.vittne.capture.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.vittne.capture.media.MediaDirection;
import se.vittne.capture.media.StreamSpec;
import se.vittne.capture.sip.sdp.SdpParser;
import se.vittne.capture.sip.sdp.SessionDescription;
import se.vittne.capture.sip.siprec.MetadataFixtures;
import se.vittne.capture.sip.siprec.RecordingMetadata;

class StreamPlannerTest {
  private final StreamPlanner planner = new StreamPlanner(4);
  private final SdpParser sdp = new SdpParser(8);

  private SessionDescription offer(String... sections) throws Exception {
    return sdp.parse("v=0\r\nc=IN IP4 192.0.2.5\r\n" + String.join("", sections));
  }

  @Test
  void receivesPlainRtpAudioAndRejectsTheRest() throws Exception {
    StreamPlan plan =
        planner.plan(
            offer(
                "m=audio 4000 RTP/AVP 8\r\na=label:a\r\n",
                "m=video 4002 RTP/AVP 96\r\n",
                "m=audio 4004 RTP/SAVP 8\r\n",
                "m=audio 0 RTP/AVP 8\r\n",
                "m=audio 4006 RTP/AVP 96\r\n",
                "m=audio 4008 RTP/AVPF 0\r\na=label:b\r\na=rtcp-mux\r\n"),
            Optional.empty(),
            Map.of());

    assertThat(plan.sections()).hasSize(6);
    assertThat(plan.streams())
        .extracting(StreamSpec::label, StreamSpec::channel, StreamSpec::rtcpMux)
        .containsExactly(tuple("a", 0, false), tuple("b", 1, true));
    assertThat(plan.streams().get(0).remote().orElseThrow().getPort()).isEqualTo(4000);
  }

  @Test
  void labelsByIndexWithoutLabelAndRejectsDuplicates() throws Exception {
    StreamPlan plan =
        planner.plan(
            offer(
                "m=audio 4000 RTP/AVP 0\r\n",
                "m=audio 4002 RTP/AVP 0\r\na=label:x\r\n",
                "m=audio 4004 RTP/AVP 0\r\na=label:x\r\n"),
            Optional.empty(),
            Map.of());

    assertThat(plan.streams()).extracting(StreamSpec::label).containsExactly("0", "x");
  }

  @Test
  void leavesRemoteEmptyForHoldAddressAndHostNames() throws Exception {
    StreamPlan plan =
        planner.plan(
            sdp.parse(
                "v=0\r\nc=IN IP4 0.0.0.0\r\n"
                    + "m=audio 4000 RTP/AVP 0\r\na=inactive\r\n"
                    + "m=audio 4002 RTP/AVP 0\r\nc=IN IP4 media.example.com\r\n"),
            Optional.empty(),
            Map.of());

    assertThat(plan.streams()).extracting(StreamSpec::remote).containsOnly(Optional.empty());
    assertThat(plan.streams().get(0).direction()).isEqualTo(MediaDirection.INACTIVE);
  }

  @Test
  void keepsChannelsOfExistingStreamsAndPutsASendersNewStreamOnItsChannel() throws Exception {
    RecordingMetadata metadata = MetadataFixtures.parse("rfc7865-complete.xml");
    StreamPlan first =
        planner.plan(
            offer(
                "m=audio 4000 RTP/AVP 0\r\na=label:98\r\n",
                "m=audio 4002 RTP/AVP 0\r\na=label:96\r\n"),
            Optional.of(metadata),
            Map.of());

    StreamPlan second =
        planner.plan(
            offer(
                "m=audio 4000 RTP/AVP 0\r\na=label:98\r\n",
                "m=audio 4002 RTP/AVP 0\r\na=label:96\r\n",
                "m=audio 4004 RTP/AVP 0\r\na=label:97\r\n",
                "m=audio 4006 RTP/AVP 0\r\na=label:99\r\n"),
            Optional.of(metadata),
            first.byLabel());

    assertThat(first.streams())
        .extracting(StreamSpec::label, StreamSpec::channel)
        .containsExactly(tuple("98", 0), tuple("96", 1));
    assertThat(second.streams())
        .extracting(StreamSpec::label, StreamSpec::channel)
        .containsExactly(tuple("98", 0), tuple("96", 1), tuple("97", 1), tuple("99", 0));
  }

  @Test
  void stopsAtTheStreamLimit() throws Exception {
    StreamPlan plan =
        planner.plan(
            offer("m=audio 4000 RTP/AVP 0\r\n".repeat(6).replace("4000", "4000")),
            Optional.empty(),
            Map.of());

    assertThat(plan.streams()).hasSize(4);
    assertThat(plan.sections()).hasSize(6);
  }

  @Test
  void diffsAddedChangedAndRemovedStreams() throws Exception {
    Map<String, StreamSpec> before =
        planner
            .plan(
                offer(
                    "m=audio 4000 RTP/AVP 0\r\na=label:1\r\n",
                    "m=audio 4002 RTP/AVP 0\r\na=label:2\r\n"),
                Optional.empty(),
                Map.of())
            .byLabel();
    Map<String, StreamSpec> after =
        planner
            .plan(
                offer(
                    "m=audio 4000 RTP/AVP 0\r\na=label:1\r\na=inactive\r\n",
                    "m=audio 0 RTP/AVP 0\r\na=label:2\r\n",
                    "m=audio 4004 RTP/AVP 0\r\na=label:3\r\n"),
                Optional.empty(),
                before)
            .byLabel();

    StreamPlanner.Changes changes = StreamPlanner.diff(before, after);

    assertThat(changes.changed()).extracting(StreamSpec::label).containsExactly("1");
    assertThat(changes.removed()).containsExactly("2");
    assertThat(changes.added())
        .extracting(StreamSpec::label, StreamSpec::channel)
        .containsExactly(tuple("3", 1));
    assertThat(StreamPlanner.diff(before, before).any()).isFalse();
  }
}
