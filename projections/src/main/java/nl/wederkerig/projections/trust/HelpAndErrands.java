package nl.wederkerig.projections.trust;

/**
 * Time and errands between neighbours. {@code errandsDone} counts errands the neighbour finished as
 * helper (everything accounted for), {@code errandsAsked} every errand they asked. Minutes are
 * exact; disputed help is counted apart and not included in the minutes given or received.
 */
public record HelpAndErrands(
        long errandsDone,
        long errandsAsked,
        long helpGivenMinutes,
        long helpReceivedMinutes,
        long helpDisputed) {
}
