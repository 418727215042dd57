package se.vittne.admin.sharing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.mail.Mail;
import se.vittne.admin.mail.MailTemplates;
import se.vittne.admin.mail.Mailer;
import se.vittne.admin.recordings.RecordingAccess;
import se.vittne.admin.recordings.RecordingActions;
import se.vittne.admin.server.Checks;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.policy.TenantId;
import se.vittne.storage.audit.AuditEntry;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.evaluation.EvaluationRepository;
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.notes.Note;
import se.vittne.storage.notes.NoteRepository;
import se.vittne.storage.recording.Recording;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.recording.RecordingState;
import se.vittne.storage.sharing.ShareLink;
import se.vittne.storage.sharing.ShareLinkRepository;

/**
 * Shares recordings by e-mail and resolves the links for visitors. The token goes only into
 * the mail; the database keeps its hash.
 */
public final class SharingService {
  /** The mail template of a shared recording (subject and body in both languages). */
  static final String TEMPLATE = "shareRecording";

  /** Where a shared link's page is; the token follows. */
  public static final String PAGE = "/shared/";

  private final DSLContext dsl;
  private final RecordingAccess access;
  private final Mailer mailer;
  private final Auditor auditor;
  private final Clock clock;
  private final java.util.function.Function<String, String> links;

  /**
   * @param links makes an absolute URL of the web app's public address from a path
   */
  public SharingService(
      DSLContext dsl,
      RecordingAccess access,
      Mailer mailer,
      Auditor auditor,
      Clock clock,
      java.util.function.Function<String, String> links) {
    this.dsl = dsl;
    this.access = access;
    this.mailer = mailer;
    this.auditor = auditor;
    this.clock = clock;
    this.links = links;
  }

  /**
   * What to share.
   *
   * @param to the recipient's e-mail address
   * @param subject the mail's subject
   * @param language "sv" or "en" for the mail; default the sharer's language
   */
  public record ShareInput(String to, String subject, String language) {}

  /**
   * A shared link, without its secret.
   *
   * @param id its ID, for revoking it
   * @param recording the recording it plays
   * @param recipient who it was sent to
   * @param subject the mail's subject
   * @param createdAt when it was shared
   * @param expiresAt when it stops working
   * @param status VALID, EXPIRED or REVOKED
   */
  public record ShareView(
      UUID id,
      UUID recording,
      String recipient,
      Optional<String> subject,
      Instant createdAt,
      Instant expiresAt,
      ShareLink.Status status) {}

  /** Makes the link, mails it and audits the share. */
  public ShareView share(Principal p, ClientInfo client, UUID recordingId, ShareInput input) {
    Recording recording = access.find(p, recordingId);
    Checks checks = new Checks();
    String to = checks.email("to", input.to());
    String subject = checks.required("subject", input.subject(), 200);
    String language =
        input.language() == null || input.language().isBlank() ? p.language() : input.language();
    if (!language.equals("sv") && !language.equals("en")) {
      checks.add("language", "invalid-value", "language must be sv or en.");
    }
    checks.orThrow();
    ShareLinkRepository.Created created =
        dsl.transactionResult(c -> {
          var tx = DSL.using(c);
          ShareLinkRepository.Created link =
              new ShareLinkRepository(tx)
                  .create(
                      p.tenantId(),
                      recording.id(),
                      p.login(),
                      to,
                      Optional.of(subject),
                      ShareLinkRepository.DEFAULT_VALIDITY,
                      clock.instant())
                  .orElseThrow(RecordingAccess::notFound);
          auditor
              .within(tx)
              .recordOnRecording(
                  p,
                  client,
                  RecordingActions.SHARED,
                  recording.id(),
                  Map.of(
                      "recipient", to,
                      "link", link.link().id().toString(),
                      "expiresAt", link.link().expiresAt().toString()));
          return link;
        });
    mailer.send(mail(p, recording, created, to, subject, language));
    return view(created.link(), clock.instant());
  }

  private Mail mail(
      Principal p,
      Recording recording,
      ShareLinkRepository.Created created,
      String to,
      String subject,
      String language) {
    Words words = Words.of(language);
    ZoneId zone = access.settings(p.tenantId()).timeZone();
    SharedCall call = facts(p.tenantId(), recording, zone, words);
    String expires =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .format(created.link().expiresAt().atZone(zone));
    return MailTemplates.render(
        TEMPLATE,
        language,
        to,
        subject,
        p.email(),
        call.direction(),
        call.date(),
        call.time(),
        call.extension(),
        call.user(),
        call.number(),
        call.ddi(),
        call.channel(),
        call.duration(),
        call.tag(),
        call.evaluated(),
        links.apply(PAGE + created.token()),
        expires);
  }

  SharedCall facts(TenantId tenant, Recording recording, ZoneId zone, Words words) {
    Note note = new NoteRepository(dsl).find(tenant, recording.id()).orElse(Note.EMPTY);
    boolean evaluated = !new EvaluationRepository(dsl).answers(tenant, recording.id()).isEmpty();
    return SharedCall.of(recording, note.tag(), evaluated, zone, words);
  }

  /** The recording's links, newest first. */
  public List<ShareView> links(Principal p, UUID recordingId) {
    access.find(p, recordingId);
    Instant now = clock.instant();
    return new ShareLinkRepository(dsl)
        .forRecording(p.tenantId(), recordingId).stream().map(l -> view(l, now)).toList();
  }

  /** Withdraws a link: the one who shared it or a super user may. */
  public ShareView revoke(Principal p, ClientInfo client, UUID recordingId, UUID linkId) {
    access.find(p, recordingId);
    ShareLinkRepository repo = new ShareLinkRepository(dsl);
    ShareLink link =
        repo.find(p.tenantId(), linkId)
            .filter(l -> l.recording().equals(recordingId))
            .orElseThrow(() -> new ProblemException.NotFound("No such shared link."));
    if (p.role() != LoginRole.SUPER && !link.createdBy().equals(Optional.of(p.login()))) {
      throw new ProblemException.Forbidden(
          "Only the login that shared the recording, or a super user, can withdraw the link.");
    }
    dsl.transaction(c -> {
      var tx = DSL.using(c);
      if (new ShareLinkRepository(tx).revoke(p.tenantId(), linkId, clock.instant())) {
        auditor
            .within(tx)
            .recordOnRecording(
                p,
                client,
                RecordingActions.SHARE_REVOKED,
                recordingId,
                Map.of("recipient", link.recipient(), "link", linkId.toString()));
      }
    });
    return view(repo.find(p.tenantId(), linkId).orElseThrow(), clock.instant());
  }

  /** What a visitor's token leads to. */
  sealed interface Visit {
    /** A link that plays. */
    record Open(ShareLink link, Recording recording) implements Visit {}

    /** A link that worked once: expired or withdrawn. */
    record Gone(ShareLink.Status status) implements Visit {}

    /** No such link, or its recording is no more. */
    record Unknown() implements Visit {}
  }

  /** Resolves a visitor's token; an open link's use is audited in the recording's history. */
  Visit visit(String token, ClientInfo client, String action, boolean audit) {
    Instant now = clock.instant();
    Optional<ShareLink> found = new ShareLinkRepository(dsl).resolve(token, now);
    if (found.isEmpty()) {
      return new Visit.Unknown();
    }
    ShareLink link = found.get();
    if (link.status(now) != ShareLink.Status.VALID) {
      return new Visit.Gone(link.status(now));
    }
    Optional<Recording> recording =
        new RecordingRepository(dsl)
            .find(link.tenant(), link.recording())
            .filter(r -> r.state() == RecordingState.ACTIVE);
    if (recording.isEmpty()) {
      return new Visit.Unknown();
    }
    if (audit) {
      Map<String, Object> details = new HashMap<>();
      details.put("link", link.id().toString());
      details.put("address", client.address());
      new AuditLog(dsl)
          .append(
              link.tenant(),
              AuditEntry.onRecording(
                  now,
                  Optional.empty(),
                  "shared link to " + link.recipient(),
                  action,
                  link.recording(),
                  details));
    }
    return new Visit.Open(link, recording.get());
  }

  /** The address of the login that shared the link, while it exists. */
  Optional<String> sharedBy(ShareLink link) {
    return link.createdBy()
        .flatMap(login -> new LoginRepository(dsl).find(link.tenant(), login))
        .map(se.vittne.storage.login.Login::email);
  }

  ZoneId zone(TenantId tenant) {
    return access.settings(tenant).timeZone();
  }

  private static ShareView view(ShareLink l, Instant now) {
    return new ShareView(
        l.id(),
        l.recording(),
        l.recipient(),
        l.subject(),
        l.createdAt(),
        l.expiresAt(),
        l.status(now));
  }
}
