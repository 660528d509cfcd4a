package nl.wederkerig.core.reconciliation;

/**
 * In which role someone acts where a treasurer or a coordinator may. The fund checks a treasurer
 * itself; that a member acting as coordinator is one is checked in the same unit of work by
 * {@code funds.CoordinatorGuard} against the community, and recorded in the event.
 */
public enum ActingAs {
    TREASURER,
    COORDINATOR
}
