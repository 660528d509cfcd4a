package nl.wederkerig.projections.balances;

/**
 * Help in hours beside the money: minutes given to and received from neighbours up to the date
 * asked about, exact. Nobody owes hours back; {@code netMinutes} (given minus received) only shows
 * which way time has flowed. Disputed help is not counted.
 */
public record HoursBalance(long givenMinutes, long receivedMinutes, long netMinutes) {
}
