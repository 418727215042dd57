package se.vittne.capture.sip.it;

import static se.vittne.capture.sip.it.TortureCase.answered;
import static se.vittne.capture.sip.it.TortureCase.dropped;

import java.util.List;

/**
 * The torture messages: RFC 4475 in spirit (written for a recording server, not copied), plus the
 * bodies SRCs get wrong. INVITEs that should pass every check go to {@code sip:busy@}, which the
 * test handler refuses with 486, so that reaching the session layer is the proof they parsed.
 */
final class TortureCases {
  private TortureCases() {}

  private static final String OPTIONS_HEAD =
      """
      OPTIONS sip:srs@${target} SIP/2.0
      Via: ${via}
      From: <sip:pbx@127.0.0.1>;tag=t1
      To: <sip:srs@${target}>
      Call-ID: ${callid}
      CSeq: 1 OPTIONS
      Max-Forwards: 70
      """;

  private static final String SDP =
      """
      v=0
      o=- 1 1 IN IP4 127.0.0.1
      s=-
      c=IN IP4 127.0.0.1
      t=0 0
      m=audio 41000 RTP/AVP 0 101
      a=rtpmap:101 telephone-event/8000
      a=label:1
      a=sendonly
      m=audio 41002 RTP/AVP 0 101
      a=rtpmap:101 telephone-event/8000
      a=label:2
      a=sendonly
      """;

  private static final String METADATA =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <recording xmlns="urn:ietf:params:xml:ns:recording:1"><datamode>complete</datamode>
      <participant participant_id="p1"><nameID aor="sip:+46701234567@192.0.2.1"/></participant>
      <stream stream_id="s1"><label>1</label></stream>
      <participantstreamassoc participant_id="p1"><send>s1</send></participantstreamassoc>
      </recording>
      """;

  static String invite(String user, String extraHeaders, String contentType, String body) {
    return "INVITE sip:"
        + user
        + "@${target} SIP/2.0\n"
        + "Via: ${via}\n"
        + "From: <sip:src@127.0.0.1>;tag=t2\n"
        + "To: <sip:"
        + user
        + "@${target}>\n"
        + "Call-ID: ${callid}\n"
        + "CSeq: 1 INVITE\n"
        + "Contact: <sip:src@127.0.0.1>;+sip.src\n"
        + "Max-Forwards: 70\n"
        + extraHeaders
        + (contentType == null ? "" : "Content-Type: " + contentType + "\n")
        + "Content-Length: ${length}\n"
        + "\n"
        + body;
  }

  static String multipart(String boundary, String... parts) {
    StringBuilder body = new StringBuilder();
    for (String part : parts) {
      body.append("--").append(boundary).append('\n').append(part).append('\n');
    }
    return body.append("--").append(boundary).append("--\n").toString();
  }

  private static String options(String extraHeaders) {
    return OPTIONS_HEAD + extraHeaders + "Content-Length: 0\n\n";
  }

  static List<TortureCase> all() {
    return List.of(
        // ---- unusual but legal messages: answered normally
        answered(
            "compact header names",
            """
            OPTIONS sip:srs@${target} SIP/2.0
            v: ${via}
            f: <sip:pbx@127.0.0.1>;tag=c1
            t: <sip:srs@${target}>
            i: ${callid}
            CSeq: 1 OPTIONS
            Max-Forwards: 70
            l: 0

            """,
            200),
        answered(
            "folded header lines",
            """
            OPTIONS sip:srs@${target} SIP/2.0
            Via: ${via}
            From:
             <sip:pbx@127.0.0.1>
             ;tag=f1
            To: <sip:srs@${target}>
            Subject: a subject
              folded over
            \tthree lines
            Call-ID: ${callid}
            CSeq: 1 OPTIONS
            Max-Forwards: 70
            Content-Length: 0

            """,
            200),
        answered(
            "escaped characters in the Request-URI",
            OPTIONS_HEAD.replace(
                    "OPTIONS sip:srs@${target}", "OPTIONS sip:%73r%73@${target};transport=udp")
                + "Content-Length: 0\n\n",
            200),
        answered(
            "escaped user and odd parameters in From",
            OPTIONS_HEAD.replace(
                    "From: <sip:pbx@127.0.0.1>;tag=t1",
                    "From: \"J\\\"o\\\\e\" <sip:%61lice;x=%20@127.0.0.1;lr;maddr=127.0.0.1>;tag=e1;x-odd")
                + "Content-Length: 0\n\n",
            200),
        answered(
            "header names in mixed case and spaces around colons",
            """
            OPTIONS sip:srs@${target} SIP/2.0
            vIa   :   ${via}
            FROM: <sip:pbx@127.0.0.1>;tag=m1
            to :<sip:srs@${target}>
            call-ID  :${callid}
            cseq: 1 OPTIONS
            MAX-FORWARDS: 70
            content-length: 0

            """,
            200),
        answered(
            "unknown headers and URI parameters",
            OPTIONS_HEAD.replace(
                    "OPTIONS sip:srs@${target}", "OPTIONS sip:srs@${target};unknownparam=1;lr")
                + "X-Something-Unheard-Of: yes;really\nNewfangled-Header: a, b, c\n"
                + "Content-Length: 0\n\n",
            200),
        answered("a 4 KiB header", options("X-Padding: " + "x".repeat(4096) + "\n"), 200),
        answered(
            "ten Via hops",
            OPTIONS_HEAD.replace(
                    "Via: ${via}\n",
                    "Via: ${via}\n"
                        + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-hop\n".repeat(9))
                + "Content-Length: 0\n\n",
            200),
        answered(
            "a 1000 character Call-ID",
            OPTIONS_HEAD.replace("Call-ID: ${callid}", "Call-ID: ${callid}" + "c".repeat(1000))
                + "Content-Length: 0\n\n",
            200),
        answered(
                "Content-Length smaller than the body (UDP keeps what it says)",
                options("").replace("Content-Length: 0\n\n", "Content-Length: 2\n\nabcdef"),
                200)
            .udpOnly(),
        answered("bare LF line ends", OPTIONS_HEAD + "Content-Length: 0\n\n", 200).rawLineEnds(),
        answered(
            "keep-alive OPTIONS with Max-Forwards 0",
            OPTIONS_HEAD.replace("Max-Forwards: 70", "Max-Forwards: 0") + "Content-Length: 0\n\n",
            200,
            483),

        // ---- methods and extensions the recorder does not do
        answered(
            "unknown method",
            OPTIONS_HEAD
                    .replace("OPTIONS sip", "FROBNICATE sip")
                    .replace("CSeq: 1 OPTIONS", "CSeq: 1 FROBNICATE")
                + "Content-Length: 0\n\n",
            501),
        answered(
            "MESSAGE is not allowed",
            OPTIONS_HEAD
                    .replace("OPTIONS sip", "MESSAGE sip")
                    .replace("CSeq: 1 OPTIONS", "CSeq: 1 MESSAGE")
                + "Content-Length: 0\n\n",
            405),
        answered(
            "REGISTER is not allowed",
            OPTIONS_HEAD
                    .replace("OPTIONS sip", "REGISTER sip")
                    .replace("CSeq: 1 OPTIONS", "CSeq: 1 REGISTER")
                + "Content-Length: 0\n\n",
            405),
        answered(
            "unknown option tag in Require",
            invite("srs", "Require: siprec, frobnication\n", "application/sdp", SDP),
            420),
        answered(
            "unsupported Request-URI scheme",
            OPTIONS_HEAD.replace("OPTIONS sip:srs@${target}", "OPTIONS http://srs.example/")
                + "Content-Length: 0\n\n",
            416),
        answered(
            "SIP version 3.0",
            OPTIONS_HEAD.replace("SIP/2.0\n", "SIP/3.0\n") + "Content-Length: 0\n\n",
            505),

        // ---- requests for dialogs and transactions that do not exist
        answered(
            "BYE for an unknown dialog",
            """
            BYE sip:srs@${target} SIP/2.0
            Via: ${via}
            From: <sip:src@127.0.0.1>;tag=b1
            To: <sip:srs@${target}>;tag=nosuchdialog
            Call-ID: ${callid}
            CSeq: 2 BYE
            Max-Forwards: 70
            Content-Length: 0

            """,
            481),
        answered(
            "re-INVITE for an unknown dialog",
            invite("srs", "", "application/sdp", SDP)
                .replace("To: <sip:srs@${target}>", "To: <sip:srs@${target}>;tag=ghost"),
            481),
        answered(
            "UPDATE outside any dialog",
            OPTIONS_HEAD
                    .replace("OPTIONS sip", "UPDATE sip")
                    .replace("CSeq: 1 OPTIONS", "CSeq: 1 UPDATE")
                + "Content-Length: 0\n\n",
            481),
        answered(
            "CANCEL without an INVITE",
            OPTIONS_HEAD
                    .replace("OPTIONS sip", "CANCEL sip")
                    .replace("CSeq: 1 OPTIONS", "CSeq: 1 CANCEL")
                + "Content-Length: 0\n\n",
            481),
        dropped(
            "stray ACK",
            OPTIONS_HEAD.replace("OPTIONS sip", "ACK sip").replace("CSeq: 1 OPTIONS", "CSeq: 1 ACK")
                + "Content-Length: 0\n\n"),

        // ---- bodies: unusual ones that must still reach the session layer (486 from busy@)
        answered(
            "multipart with metadata first, quoted boundary, loose part headers",
            invite(
                "busy",
                "Require: siprec\n",
                "multipart/mixed; Boundary=\"x y\"",
                multipart(
                    "x y",
                    "content-type:application/RS-METADATA\n\n" + METADATA,
                    "CONTENT-TYPE : application/sdp\n\n" + SDP)),
            486),
        answered(
            "multipart without boundary parameter",
            invite(
                "busy",
                "Require: siprec\n",
                "multipart/mixed",
                multipart(
                    "guessme",
                    "Content-Type: application/sdp\n\n" + SDP,
                    "Content-Type: application/rs-metadata+xml\n\n" + METADATA)),
            486),
        answered(
            "metadata in the old namespace with a prefix",
            invite(
                "busy",
                "Require: siprec\n",
                "multipart/mixed;boundary=b",
                multipart(
                    "b",
                    "Content-Type: application/sdp\n\n" + SDP,
                    "Content-Type: application/rs-metadata\n\n"
                        + METADATA
                            .replace(
                                "<recording xmlns=\"urn:ietf:params:xml:ns:recording:1\">",
                                "<r:recording xmlns:r='urn:ietf:params:xml:ns:recording'>")
                            .replace("</recording>", "</r:recording>")
                            .replace("<datamode>", "<r:datamode>")
                            .replace("</datamode>", "</r:datamode>")
                            .replace("<participant ", "<r:participant ")
                            .replace("</participant>", "</r:participant>")
                            .replace("<nameID ", "<r:nameID "))),
            486),
        answered(
            "paused from the start: a=inactive and c=0.0.0.0",
            invite(
                "busy",
                "",
                "application/sdp",
                SDP.replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0")
                    .replace("a=sendonly", "a=inactive")),
            486),
        answered(
            "folded Content-Type header",
            invite(
                    "busy",
                    "Require: siprec\n",
                    null,
                    multipart("fold", "Content-Type: application/sdp\n\n" + SDP))
                .replace(
                    "Content-Length: ${length}",
                    "Content-Type: multipart/mixed;\n boundary=fold\n"
                        + "Content-Length: ${length}"),
            486),

        // ---- bodies the recorder cannot use: refused with a reason, no session
        answered("INVITE without an SDP offer", invite("srs", "", null, ""), 488),
        answered("INVITE with a text body", invite("srs", "", "text/plain", "hello\n"), 415),
        answered(
            "malformed SDP m= line",
            invite(
                "srs",
                "",
                "application/sdp",
                SDP.replace("m=audio 41000 RTP/AVP 0 101", "m=audio port RTP/AVP 0")),
            400),
        answered(
            "SDP with only video",
            invite("srs", "", "application/sdp", SDP.replace("m=audio", "m=video")),
            488),
        answered(
            "SDP with only SRTP",
            invite("srs", "", "application/sdp", SDP.replace("RTP/AVP", "RTP/SAVP")),
            488),
        answered(
            "multipart boundary that is not in the body",
            invite(
                "srs",
                "",
                "multipart/mixed;boundary=missing",
                multipart("other", "Content-Type: application/sdp\n\n" + SDP)),
            400),
        answered(
            "multipart without boundary and without delimiter",
            invite("srs", "", "multipart/mixed", SDP),
            400),
        answered(
            "metadata that is not well-formed XML",
            invite(
                "srs",
                "Require: siprec\n",
                "multipart/mixed;boundary=b",
                multipart(
                    "b",
                    "Content-Type: application/sdp\n\n" + SDP,
                    "Content-Type: application/rs-metadata+xml\n\n<recording><participant>")),
            400),
        answered(
            "metadata with an external entity (XXE)",
            invite(
                "srs",
                "Require: siprec\n",
                "multipart/mixed;boundary=b",
                multipart(
                    "b",
                    "Content-Type: application/sdp\n\n" + SDP,
                    "Content-Type: application/rs-metadata+xml\n\n<?xml version=\"1.0\"?>"
                        + "<!DOCTYPE recording [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<recording><participant participant_id=\"p\"><name>&x;</name>"
                        + "</participant></recording>")),
            400),
        answered(
            "metadata with 40 participants",
            invite(
                "srs",
                "Require: siprec\n",
                "multipart/mixed;boundary=b",
                multipart(
                    "b",
                    "Content-Type: application/sdp\n\n" + SDP,
                    "Content-Type: application/rs-metadata+xml\n\n<recording>"
                        + "<participant/>".repeat(40)
                        + "</recording>")),
            400),
        answered(
            "Session-Expires below Min-SE",
            invite("srs", "Supported: timer\nSession-Expires: 30\n", "application/sdp", SDP),
            422),

        // ---- broken framing and mandatory headers
        answered(
                "non-numeric CSeq",
                OPTIONS_HEAD.replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS")
                    + "Content-Length: 0\n\n",
                400)
            .udpOnly(),
        dropped(
                "non-numeric CSeq on a stream",
                OPTIONS_HEAD.replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS")
                    + "Content-Length: 0\n\n")
            .tcpOnly(),
        answered(
            "CSeq method differs from the request method",
            OPTIONS_HEAD.replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE") + "Content-Length: 0\n\n",
            400),
        answered(
                "Content-Length larger than the datagram",
                options("").replace("Content-Length: 0", "Content-Length: 500") + "short",
                400)
            .udpOnly(),
        answered(
                "negative Content-Length",
                options("").replace("Content-Length: 0", "Content-Length: -5"),
                400)
            .udpOnly(),
        answered(
                "non-numeric Content-Length",
                options("").replace("Content-Length: 0", "Content-Length: many"),
                400)
            .udpOnly(),
        answered(
                "malformed From URI",
                OPTIONS_HEAD.replace("From: <sip:pbx@127.0.0.1>;tag=t1", "From: <sip:@@>;tag=x")
                    + "Content-Length: 0\n\n",
                400)
            .udpOnly(),
        answered(
                "unbalanced quote in To display name",
                OPTIONS_HEAD.replace(
                        "To: <sip:srs@${target}>", "To: \"Unclosed <sip:srs@${target}>")
                    + "Content-Length: 0\n\n",
                400)
            .udpOnly(),
        dropped(
            "missing Call-ID",
            OPTIONS_HEAD.replace("Call-ID: ${callid}\n", "") + "Content-Length: 0\n\n"),
        dropped(
            "missing CSeq",
            OPTIONS_HEAD.replace("CSeq: 1 OPTIONS\n", "") + "Content-Length: 0\n\n"),
        dropped("missing Via", OPTIONS_HEAD.replace("Via: ${via}\n", "") + "Content-Length: 0\n\n"),
        answered(
                "request line without Request-URI",
                OPTIONS_HEAD.replace("OPTIONS sip:srs@${target} SIP/2.0", "OPTIONS SIP/2.0")
                    + "Content-Length: 0\n\n",
                400)
            .udpOnly(),
        dropped(
                "request line without Request-URI on a stream",
                OPTIONS_HEAD.replace("OPTIONS sip:srs@${target} SIP/2.0", "OPTIONS SIP/2.0")
                    + "Content-Length: 0\n\n")
            .tcpOnly(),
        dropped("start line that is not SIP", "GET / HTTP/1.1\nHost: example\n\n"),
        dropped("binary garbage", "\u0001\u0002\u0003\u00ff\u00fe binary \u0000 garbage\n\n")
            .udpOnly());
  }
}
