package io.stackpilot.api;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code since} query parameter: an RFC 3339 timestamp ({@code 2026-12-04T10:00:00Z}), a duration
 * back from now ({@code 90s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 {@code PT15M}), or Unix seconds.
 */
final class SinceParser {

    private static final Pattern RELATIVE = Pattern.compile("^(\\d{1,9})([smhd])$");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("^\\d{1,12}$");

    private SinceParser() {}

    static Instant parse(String value, Instant now) {
        return parse("since", value, now);
    }

    /** Parses a time value sent in the query parameter {@code parameter}, which the error message names. */
    static Instant parse(String parameter, String value, Instant now) {
        String text = value.trim();
        Matcher relative = RELATIVE.matcher(text.toLowerCase(Locale.ROOT));
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            Duration back = switch (relative.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return now.minus(back);
        }
        if (EPOCH_SECONDS.matcher(text).matches()) {
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        try {
            if (text.startsWith("P") || text.startsWith("p")) {
                return now.minus(Duration.parse(text));
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    parameter,
                    value,
                    "Invalid '" + parameter + "' value '" + value
                            + "'; use an RFC 3339 time such as 2026-12-04T10:00:00Z, a"
                            + " duration such as 15m, 2h or PT15M, or Unix seconds");
        }
    }
}
