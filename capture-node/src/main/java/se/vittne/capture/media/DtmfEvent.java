package se.vittne.capture.media;

import java.time.Duration;
import java.util.Optional;

/**
 * An RFC 4733 telephone event seen on a stream. Its timing is always kept; the digit only when the
 * tenant keeps digits, since card numbers are often typed as DTMF.
 *
 * @param channel the channel of the stream it arrived on
 * @param offset time from the session start
 * @param duration how long the key was pressed
 * @param digit the event as a character (0-9, *, #, A-D), when kept
 */
public record DtmfEvent(
    int channel, Duration offset, Duration duration, Optional<Character> digit) {}
