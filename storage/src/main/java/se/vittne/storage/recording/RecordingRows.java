package se.vittne.storage.recording;

import static se.vittne.storage.jooq.Tables.RECORDING;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.JSONB;
import org.jooq.Record;
import se.vittne.policy.ConsentBasis;
import se.vittne.policy.Direction;
import se.vittne.policy.Explanation;
import se.vittne.policy.GroupId;
import se.vittne.policy.Rule;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.jooq.tables.records.RecordingRecord;

/** Converts between recordings and their rows. */
final class RecordingRows {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<ChannelQuality>> CHANNELS = new TypeReference<>() {};

  private RecordingRows() {}

  static void write(RecordingRecord row, TenantId tenant, NewRecording r) {
    row.setId(r.id());
    row.setTenantId(tenant.value());
    row.setCallId(r.call().callId());
    row.setSessionId(r.call().sessionId());
    row.setDirection(r.call().direction().name());
    row.setRemoteNumber(r.call().remoteNumber().orElse(null));
    row.setDdi(r.call().ddi().map(PhoneNumber::e164).orElse(null));
    row.setAnswerGroup(r.call().answerGroup().map(GroupId::value).orElse(null));
    row.setStartTime(r.call().start().atOffset(ZoneOffset.UTC));
    row.setEndTime(r.end().atOffset(ZoneOffset.UTC));
    row.setDurationMs(r.end().toEpochMilli() - r.call().start().toEpochMilli());
    row.setUserId(r.user().userId().orElse(null));
    row.setExtension(r.user().extension());
    row.setUserName(r.user().name().orElse(null));
    row.setDepartmentId(r.user().department().orElse(null));
    row.setDistrictId(r.user().district().orElse(null));
    row.setCostCentreId(r.user().costCentre().orElse(null));
    row.setOfficeId(r.user().office().orElse(null));
    row.setCodecs(r.audio().codecs());
    row.setChannels((short) r.audio().channels());
    row.setSampleRate(r.audio().sampleRate());
    row.setStoreKey(r.audio().storeKey());
    row.setSizeBytes(r.audio().sizeBytes());
    row.setSha256(r.audio().sha256());
    row.setRule(r.policy().rule().name());
    row.setExplanationSv(r.policy().explanation().swedish());
    row.setExplanationEn(r.policy().explanation().english());
    row.setPolicyVersion(r.policy().policyVersion());
    row.setConsentBasis(r.policy().consentBasis().map(Enum::name).orElse(null));
    row.setQuality(toJson(r.quality().channels()));
    row.setOneWayAudio(r.quality().oneWayAudio());
    row.setHasGaps(r.quality().gaps());
    row.setRecovered(r.recovered());
    row.setExpiresOn(r.expiresOn());
  }

  static Recording read(Record record) {
    RecordingRecord r = record.into(RECORDING);
    CallInfo call =
        new CallInfo(
            r.getCallId(),
            r.getSessionId(),
            Direction.valueOf(r.getDirection()),
            Optional.ofNullable(r.getRemoteNumber()),
            Optional.ofNullable(r.getDdi()).map(PhoneNumber::ofE164),
            Optional.ofNullable(r.getAnswerGroup()).map(GroupId::new),
            r.getStartTime().toInstant());
    RecordedUser user =
        new RecordedUser(
            Optional.ofNullable(r.getUserId()),
            r.getExtension(),
            Optional.ofNullable(r.getUserName()),
            Optional.ofNullable(r.getDepartmentId()),
            Optional.ofNullable(r.getDistrictId()),
            Optional.ofNullable(r.getCostCentreId()),
            Optional.ofNullable(r.getOfficeId()));
    AudioInfo audio =
        new AudioInfo(
            r.getCodecs(),
            r.getChannels(),
            r.getSampleRate(),
            r.getStoreKey(),
            r.getSizeBytes(),
            r.getSha256());
    return new Recording(
        r.getId(),
        new TenantId(r.getTenantId()),
        call,
        user,
        r.getEndTime().toInstant(),
        audio,
        outcome(
            r.getRule(),
            r.getExplanationSv(),
            r.getExplanationEn(),
            r.getPolicyVersion(),
            r.getConsentBasis()),
        new Quality(fromJson(r.getQuality()), r.getOneWayAudio(), r.getHasGaps()),
        r.getRecovered(),
        r.getExpiresOn(),
        RecordingState.valueOf(r.getState()));
  }

  static PolicyOutcome outcome(
      String rule, String swedish, String english, long version, String consentBasis) {
    return new PolicyOutcome(
        Rule.valueOf(rule),
        new Explanation(swedish, english),
        version,
        Optional.ofNullable(consentBasis).map(ConsentBasis::valueOf));
  }

  private static JSONB toJson(List<ChannelQuality> channels) {
    try {
      return JSONB.valueOf(JSON.writeValueAsString(channels));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("quality figures cannot be written as JSON", e);
    }
  }

  private static List<ChannelQuality> fromJson(JSONB json) {
    try {
      return JSON.readValue(json.data(), CHANNELS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored quality figures are not valid JSON", e);
    }
  }
}
