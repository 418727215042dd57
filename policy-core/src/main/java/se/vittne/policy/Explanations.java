package se.vittne.policy;

/** The words for each rule, in Swedish and English, with the facts that made it apply. */
final class Explanations {
  private Explanations() {}

  static Explanation of(Rule rule, RecordingPolicy policy, CallFacts call) {
    String extension = call.party().extension();
    String group = call.answerGroup().map(GroupId::value).orElse("");
    return switch (rule) {
      case RECORDING_DISABLED_FOR_USER ->
          new Explanation(
              "Spelas inte in: samtalsinspelning är inte aktiverad för anknytning "
                  + extension
                  + ".",
              "Not recorded: recording is not enabled for extension " + extension + ".");
      case EXCLUDED_NUMBER -> {
        String number = call.remoteNumber().map(Object::toString).orElse("");
        yield new Explanation(
            "Spelas inte in: kundnumret " + number + " är exkluderat (spela aldrig in).",
            "Not recorded: the customer number " + number + " is excluded (never record).");
      }
      case GROUP_NEVER ->
          new Explanation(
              "Spelas inte in: svarsgruppen " + group + " har policyn Spela aldrig in (avvisad).",
              "Not recorded: answer group " + group + " is set to never record (rejected).");
      case GROUP_REFUSED_VIA_IVR ->
          new Explanation(
              "Spelas inte in: den som ringde avböjde inspelning i knappvalet (svarsgruppen "
                  + group
                  + " har policyn Spela aldrig in, avvisad via IVR).",
              "Not recorded: the caller refused recording in the IVR (answer group "
                  + group
                  + " is set to never record, rejected via IVR).");
      case CONSENT_REFUSED ->
          new Explanation(
              "Spelas inte in: växeln signalerade att den som ringde avböjde inspelning.",
              "Not recorded: the phone system signalled that the caller refused recording.");
      case PAUSED ->
          new Explanation(
              "Spelas inte in: all inspelning är tillfälligt avstängd.",
              "Not recorded: all recording is paused.");
      case GROUP_ALWAYS ->
          new Explanation(
              "Spelas in: svarsgruppen " + group + " har policyn Spela alltid in (godkänd).",
              "Recorded: answer group " + group + " is set to always record (approved).");
      case GROUP_APPROVED_VIA_IVR ->
          new Explanation(
              "Spelas in: den som ringde godkände inspelning i knappvalet (svarsgruppen "
                  + group
                  + " har policyn Spela alltid in, godkänd via IVR).",
              "Recorded: the caller approved recording in the IVR (answer group "
                  + group
                  + " is set to always record, approved via IVR).");
      case APPROVED_DIRECT_NUMBER -> {
        String number = call.dialledNumber().map(Object::toString).orElse("");
        yield new Explanation(
            "Spelas in: direktnumret " + number + " är godkänt (spela alltid in).",
            "Recorded: the direct number " + number + " is approved (always record).");
      }
      case DEPARTMENT_POLICY -> departmentPolicy(call);
      case NO_RULE -> noRule(policy, call);
    };
  }

  private static Explanation departmentPolicy(CallFacts call) {
    String department = call.party().department().map(DepartmentId::value).orElse(null);
    String sv = swedishCalls(call.direction());
    String en = englishCalls(call.direction());
    if (department == null) {
      return new Explanation(
          "Spelas in: " + sv + " spelas in för användare utan avdelning.",
          "Recorded: " + en + " are recorded for users without a department.");
    }
    return new Explanation(
        "Spelas in: " + sv + " spelas in för avdelningen " + department + ".",
        "Recorded: " + en + " are recorded for the department " + department + ".");
  }

  private static Explanation noRule(RecordingPolicy policy, CallFacts call) {
    String sv = swedishCalls(call.direction());
    String en = englishCalls(call.direction());
    String department = call.party().department().map(DepartmentId::value).orElse(null);
    if (!policy.departments().rule(call.direction()).enabled()) {
      return new Explanation(
          "Spelas inte in: ingen regel gäller; " + sv + " spelas inte in enligt avdelningspolicyn.",
          "Not recorded: no rule applies; " + en + " are not recorded by the department policy.");
    }
    String svDepartment = department == null ? "användare utan avdelning" : department;
    String enDepartment = department == null ? "users without a department" : department;
    return new Explanation(
        "Spelas inte in: ingen regel gäller; " + svDepartment + " är inte vald för " + sv + ".",
        "Not recorded: no rule applies; " + enDepartment + " is not selected for " + en + ".");
  }

  private static String swedishCalls(Direction direction) {
    return switch (direction) {
      case INCOMING -> "inkommande samtal";
      case OUTGOING -> "utgående samtal";
      case INTERNAL -> "interna samtal";
    };
  }

  private static String englishCalls(Direction direction) {
    return switch (direction) {
      case INCOMING -> "incoming calls";
      case OUTGOING -> "outgoing calls";
      case INTERNAL -> "internal calls";
    };
  }
}
