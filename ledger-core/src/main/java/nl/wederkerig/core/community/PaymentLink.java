package nl.wederkerig.core.community;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A neighbour's own payment request link (Tikkie, bunq.me, a bank's "betaalverzoek"), in clear,
 * between the form and the cipher: it is sealed before it enters an event, because such a link
 * may carry the person's name. The ledger never fetches it; the page only shows it as a link, so
 * only https is accepted (no {@code javascript:}, no plain http), with a plain host name, no user
 * name or password in it and no other port.
 */
public record PaymentLink(String value) {

    /** Longest link: payment links are short (a Tikkie link is about 40 characters); a longer one is a mistake or abuse. */
    public static final int MAX_LENGTH_CHARS = 200;
    /** Longest host name we show: real payment hosts are short, and a long one hides where a link goes. */
    public static final int MAX_HOST_CHARS = 63;

    /** Letters, digits and the characters allowed in a URI, nothing else (no spaces, no control characters). */
    private static final Pattern URI_CHARACTERS = Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+");
    private static final Pattern HOST = Pattern.compile("([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,24}");

    public PaymentLink {
        if (!isValid(value)) {
            throw new InvalidPaymentLink();
        }
    }

    /** Reads what a person typed, without the spaces around it. */
    public static PaymentLink parse(String text) {
        if (text == null) {
            throw new InvalidPaymentLink();
        }
        return new PaymentLink(text.strip());
    }

    private static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH_CHARS
                || !URI_CHARACTERS.matcher(value).matches()) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String host = uri.getHost();
            return "https".equals(uri.getScheme()) && uri.getRawUserInfo() == null
                    && (uri.getPort() == -1 || uri.getPort() == 443)
                    && host != null && host.length() <= MAX_HOST_CHARS
                    && HOST.matcher(host.toLowerCase(Locale.ROOT)).matches();
        } catch (URISyntaxException notALink) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
