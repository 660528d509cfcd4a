package nl.wederkerig.core.help;

/** Why a receiver disputes recorded help. */
public enum HelpDisputeReason {
    HOURS_WRONG,
    DID_NOT_HAPPEN,
    NOT_FOR_ME,
    OTHER
}
