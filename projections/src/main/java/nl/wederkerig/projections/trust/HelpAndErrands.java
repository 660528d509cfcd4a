package nl.wederkerig.projections.trust;

/**
 * Time and errands between neighbours. Minutes are exact; disputed help is counted apart and not
 * included in the minutes given or received.
 */
public record HelpAndErrands(
        long errandsDone,
        long errandsAsked,
        long helpGivenMinutes,
        long helpReceivedMinutes,
        long helpDisputed) {
}
