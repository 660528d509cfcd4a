package nl.wederkerig.core.advances;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.util.Objects;

/** One borrower's book of open advances in one community. Written {@code <community>.<borrower>}: ids never hold a dot. */
public record AdvanceBookId(CommunityId communityId, MemberId borrower) {

    public AdvanceBookId {
        Objects.requireNonNull(communityId, "community is missing");
        Objects.requireNonNull(borrower, "borrower is missing");
    }

    @JsonCreator
    public static AdvanceBookId parse(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("advance book id must be <community>.<borrower>");
        }
        return new AdvanceBookId(CommunityId.of(text.substring(0, dot)), MemberId.of(text.substring(dot + 1)));
    }

    /** Axon names the aggregate by {@code toString()}. */
    @JsonValue
    @Override
    public String toString() {
        return communityId + "." + borrower;
    }
}
