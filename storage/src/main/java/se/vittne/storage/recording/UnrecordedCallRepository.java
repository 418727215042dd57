package se.vittne.storage.recording;

import static se.vittne.storage.jooq.Tables.UNRECORDED_CALL;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.policy.Direction;
import se.vittne.policy.GroupId;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.jooq.tables.records.UnrecordedCallRecord;

/** The calls that were not recorded, with the rule that decided. */
public final class UnrecordedCallRepository {
  private final DSLContext dsl;

  public UnrecordedCallRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Stores the "not recorded" row unless this party of this session has one already.
   *
   * @return the ID of the stored row (the earlier one on a retry)
   */
  public UUID insert(TenantId tenant, UnrecordedCall call) {
    UnrecordedCallRecord row = dsl.newRecord(UNRECORDED_CALL);
    row.setId(call.id());
    row.setTenantId(tenant.value());
    row.setCallId(call.call().callId());
    row.setSessionId(call.call().sessionId());
    row.setDirection(call.call().direction().name());
    row.setUserId(call.user().userId().orElse(null));
    row.setExtension(call.user().extension());
    row.setDepartmentId(call.user().department().orElse(null));
    row.setRemoteNumber(call.call().remoteNumber().orElse(null));
    row.setDdi(call.call().ddi().map(PhoneNumber::e164).orElse(null));
    row.setAnswerGroup(call.call().answerGroup().map(GroupId::value).orElse(null));
    row.setStartTime(call.call().start().atOffset(ZoneOffset.UTC));
    row.setRule(call.policy().rule().name());
    row.setExplanationSv(call.policy().explanation().swedish());
    row.setExplanationEn(call.policy().explanation().english());
    row.setPolicyVersion(call.policy().policyVersion());
    row.setConsentBasis(call.policy().consentBasis().map(Enum::name).orElse(null));
    return dsl.insertInto(UNRECORDED_CALL)
        .set(row)
        .onConflict(
            UNRECORDED_CALL.TENANT_ID, UNRECORDED_CALL.SESSION_ID, UNRECORDED_CALL.EXTENSION)
        .doNothing()
        .returningResult(UNRECORDED_CALL.ID)
        .fetchOptional(UNRECORDED_CALL.ID)
        .orElseGet(() ->
            dsl.select(UNRECORDED_CALL.ID)
                .from(UNRECORDED_CALL)
                .where(UNRECORDED_CALL.TENANT_ID.eq(tenant.value()))
                .and(UNRECORDED_CALL.SESSION_ID.eq(call.call().sessionId()))
                .and(UNRECORDED_CALL.EXTENSION.eq(call.user().extension()))
                .fetchSingle(UNRECORDED_CALL.ID));
  }

  public Optional<UnrecordedCall> find(TenantId tenant, UUID id) {
    return dsl.selectFrom(UNRECORDED_CALL)
        .where(UNRECORDED_CALL.TENANT_ID.eq(tenant.value()))
        .and(UNRECORDED_CALL.ID.eq(id))
        .fetchOptional()
        .map(UnrecordedCallRepository::read);
  }

  /** The tenant's unrecorded calls in a period, newest first. */
  public List<UnrecordedCall> list(TenantId tenant, SearchPeriod.Interval period, int limit) {
    return dsl.selectFrom(UNRECORDED_CALL)
        .where(UNRECORDED_CALL.TENANT_ID.eq(tenant.value()))
        .and(UNRECORDED_CALL.START_TIME.ge(period.from().atOffset(ZoneOffset.UTC)))
        .and(UNRECORDED_CALL.START_TIME.lt(period.to().atOffset(ZoneOffset.UTC)))
        .orderBy(UNRECORDED_CALL.START_TIME.desc(), UNRECORDED_CALL.ID.desc())
        .limit(limit)
        .fetch(UnrecordedCallRepository::read);
  }

  private static UnrecordedCall read(UnrecordedCallRecord r) {
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
            Optional.empty(),
            Optional.ofNullable(r.getDepartmentId()),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    return new UnrecordedCall(
        r.getId(),
        call,
        user,
        RecordingRows.outcome(
            r.getRule(),
            r.getExplanationSv(),
            r.getExplanationEn(),
            r.getPolicyVersion(),
            r.getConsentBasis()));
  }
}
