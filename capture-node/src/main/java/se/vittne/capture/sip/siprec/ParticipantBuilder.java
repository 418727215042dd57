package se.vittne.capture.sip.siprec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A participant as the parser collects it, from its own element and from associations that may come
 * before or after it.
 */
final class ParticipantBuilder {
  final String id;
  String aor;
  String name;
  final List<String> send = new ArrayList<>();
  final List<String> recv = new ArrayList<>();
  String associateTime;
  String disassociateTime;
  final List<ExtensionData> extensions = new ArrayList<>();

  ParticipantBuilder(String id) {
    this.id = id;
  }

  Participant build() {
    return new Participant(
        id,
        Optional.ofNullable(aor),
        Optional.ofNullable(name),
        send.stream().distinct().toList(),
        recv.stream().distinct().toList(),
        Optional.ofNullable(associateTime),
        Optional.ofNullable(disassociateTime),
        extensions);
  }
}
