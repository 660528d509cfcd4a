package nl.wederkerig.statements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a free-text payment description says about the counterparty and the payment, in the three
 * styles Dutch banks use in MT940 {@code :86:} and in ABN AMRO's TXT export: slash codes
 * ({@code /CNTP/<account>/<bic>/<name>/<city>/}, {@code /NAME/}, {@code /IBAN/}, {@code /REMI/USTD//<text>/},
 * {@code /EREF/}), labels ({@code IBAN: ... NAAM: ... OMSCHRIJVING: ... KENMERK: ...}, {@code REK:}),
 * and Triodos' numbered subfields ({@code >21<account>>22<text>...}). Best effort by design: whatever
 * it cannot place is still in the line's source text.
 */
record PaymentDetails(String name, String account, String description) {

    private static final String[] SLASH_CODES = {"CNTP", "REMI", "EREF", "MARF", "CSID", "NAME", "IBAN", "BIC", "ORDP",
            "BENM", "ISDT", "TRTP", "ADDR", "PURP", "RTRN", "ULTC", "ULTD", "ULTB", "PREF", "BUSP", "SVCL", "ID"};
    private static final String[] LABELS = {"IBAN:", "BIC:", "NAAM:", "OMSCHRIJVING:", "KENMERK:", "REK:", "MACHTIGING:",
            "INCASSANT:", "VOOR:"};

    static PaymentDetails of(String text) {
        if (text.isBlank()) {
            return new PaymentDetails(null, null, "");
        }
        for (String code : new String[] {"REMI", "CNTP", "NAME", "EREF", "TRTP", "IBAN"}) {
            if (text.contains("/" + code + "/")) {
                return slashStyle(text);
            }
        }
        if (text.contains(">2") || text.contains(">3")) {
            return triodosStyle(text);
        }
        return labelStyle(text);
    }

    private static PaymentDetails slashStyle(String text) {
        String name = null;
        String account = null;
        String counterparty = slashValue(text, "CNTP");
        if (counterparty != null) {
            String[] parts = counterparty.split("/", -1);
            account = parts.length > 0 ? emptyToNull(parts[0]) : null;
            name = parts.length > 2 ? emptyToNull(parts[2]) : null;
        }
        name = name != null ? name : trimSlashes(slashValue(text, "NAME"));
        account = account != null ? account : trimSlashes(slashValue(text, "IBAN"));
        String remittance = slashValue(text, "REMI");
        if (remittance != null) {
            remittance = remittance.replaceFirst("^USTD//", "").replaceFirst("^STRD/[A-Z]*/", "");
            remittance = trimSlashes(remittance);
        }
        String endToEnd = trimSlashes(slashValue(text, "EREF"));
        String description = remittance == null ? text : remittance;
        if (endToEnd != null && !"NOTPROVIDED".equalsIgnoreCase(endToEnd)) {
            description = description + " " + endToEnd;
        }
        return new PaymentDetails(name, account, description.strip());
    }

    /** The text after {@code /CODE/} up to the next known code. */
    private static String slashValue(String text, String code) {
        int start = text.indexOf("/" + code + "/");
        if (start < 0) {
            return null;
        }
        int from = start + code.length() + 2;
        int end = text.length();
        for (String other : SLASH_CODES) {
            int next = text.indexOf("/" + other + "/", from);
            // CNTP's and REMI's own subfields are separated by slashes too; only a known code ends a value.
            if (next >= 0 && next < end) {
                end = next;
            }
        }
        return text.substring(from, end);
    }

    private static PaymentDetails labelStyle(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        List<int[]> found = new ArrayList<>();
        for (int i = 0; i < LABELS.length; i++) {
            int at = upper.indexOf(LABELS[i]);
            if (at >= 0) {
                found.add(new int[] {at, i});
            }
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        String name = null;
        String account = null;
        String description = null;
        String reference = null;
        for (int k = 0; k < found.size(); k++) {
            int at = found.get(k)[0];
            String label = LABELS[found.get(k)[1]];
            int end = k + 1 < found.size() ? found.get(k + 1)[0] : text.length();
            String value = trimSlashes(text.substring(at + label.length(), end).strip());
            switch (label) {
                case "NAAM:" -> name = value;
                case "IBAN:", "REK:" -> account = account == null ? value : account;
                case "OMSCHRIJVING:" -> description = value;
                case "KENMERK:" -> reference = value;
                default -> {
                }
            }
        }
        if (description == null) {
            description = found.isEmpty() ? text : text.substring(0, found.get(0)[0]);
        }
        if (reference != null) {
            description = description.strip() + " " + reference;
        }
        return new PaymentDetails(name, account, description.replaceAll("\\s{2,}", " ").strip());
    }

    /** Triodos: {@code 000>100000000000>20...>21NL08TRIO0373737373>22...>310454545454}. */
    private static PaymentDetails triodosStyle(String text) {
        String account = null;
        StringBuilder description = new StringBuilder();
        // What precedes the first '>' is the bank's transaction code, not part of the payment.
        String subfields = text.indexOf('>') < 0 ? "" : text.substring(text.indexOf('>'));
        for (String part : subfields.split(">")) {
            if (part.length() < 2 || !Character.isDigit(part.charAt(0)) || !Character.isDigit(part.charAt(1))) {
                continue;
            }
            String code = part.substring(0, 2);
            String value = part.substring(2).strip();
            if (code.startsWith("3") || code.equals("10") || value.isEmpty()) {
                continue; // own account, sequence number
            }
            if (account == null && value.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}|[0-9]{9,10}")) {
                account = value;
            } else if (!value.matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")) { // a BIC tells nothing about the payment
                description.append(value);
            }
        }
        return new PaymentDetails(null, account, description.toString().replaceAll("\\s{2,}", " ").strip());
    }

    private static String trimSlashes(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        return emptyToNull(trimmed.strip());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
