package nl.wederkerig.core.community;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * What people call their wijk ("Rotterdam West", "Middelland"): shown on every page. Not personal
 * data. 1 to {@link #MAX_CHARS} characters of printable text, no line breaks, no control or
 * direction-changing characters.
 */
public record CommunityName(String value) {

    public static final int MAX_CHARS = 80;

    public CommunityName {
        Objects.requireNonNull(value, "name is missing");
        value = value.strip();
        if (value.isEmpty() || value.codePointCount(0, value.length()) > MAX_CHARS) {
            throw new IllegalArgumentException("a community's name has 1 to " + MAX_CHARS + " characters");
        }
        if (value.codePoints().anyMatch(CommunityName::forbidden)) {
            throw new IllegalArgumentException("a community's name holds only printable characters");
        }
    }

    @JsonCreator
    public static CommunityName of(String value) {
        return new CommunityName(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Control characters, and the bidirectional overrides that make text read other than it is stored. */
    private static boolean forbidden(int codePoint) {
        return Character.isISOControl(codePoint)
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x200E || codePoint == 0x200F || Character.getType(codePoint) == Character.FORMAT;
    }

    @Override
    public String toString() {
        return value;
    }
}
