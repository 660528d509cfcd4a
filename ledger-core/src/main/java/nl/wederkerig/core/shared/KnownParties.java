package nl.wederkerig.core.shared;

/**
 * Who and what a community knows right now, as a command handler asks it <em>in the same unit of
 * work</em> as the command: a new record may name only registered, current members (never someone
 * who left), registered partners and registered initiatives of its own community. Each method
 * returns normally or throws the typed {@link RuleViolation} of the first stranger it meets
 * ({@code unknown-member}, {@code unknown-partner}, {@code unknown-initiative},
 * {@code unknown-community}), so nothing is recorded.
 *
 * <p>A port: ledger-core's {@code community.CommunityRegister} answers it from the {@code Community}
 * aggregate itself (strongly consistent), never from a read model. Handlers receive it as an
 * injected parameter, like the {@link java.time.Clock}.
 */
public interface KnownParties {

    /** Every one of {@code members} is a current member of {@code community}, checked in the order given. */
    void requireMembers(CommunityId community, MemberId... members);

    /**
     * {@code actor} may record on behalf of {@code represented} (a current member): they are the
     * same member, the actor coordinates the community, or the represented member named the actor as
     * their helper. Otherwise {@code actor-not-allowed}, whatever the represented id is.
     */
    void requireMayActFor(CommunityId community, MemberId actor, MemberId represented);

    /** {@code partner} is registered in {@code community}. */
    void requirePartner(CommunityId community, PartnerId partner);

    /** {@code initiative} is registered in {@code community}. */
    void requireInitiative(CommunityId community, InitiativeId initiative);
}
