package nl.wederkerig.api.platform.web.pages;

import jakarta.servlet.http.HttpServletResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A one-tap answer on "Voor jou" sent by htmx carries {@code back=home} (from {@code hx-vals}, so only
 * with JavaScript): on success the browser is sent back to the overview, which htmx cuts down to the
 * "Voor jou" card; without it (no JavaScript) the step's own page follows, as always. A refusal shows
 * the step's own page with its message: htmx is told to put that whole page in place of the overview.
 */
public final class BackHome {

    /** The value of the {@code back} field that asks for the overview. */
    public static final String HOME = "home";

    private BackHome() {
    }

    public static boolean asked(String back) {
        return HOME.equals(back);
    }

    /**
     * The redirect after a step: to the overview when asked, naming the item just answered (the overview
     * waits until its read model no longer lists it), what was done and which advance it was about.
     */
    public static String after(String back, String outcome, String answered, String done, String about) {
        if (!asked(back) || !outcome.startsWith("redirect:")) {
            return outcome;
        }
        return "redirect:/?answered=" + encode(answered) + "&done=" + encode(done) + (about == null ? "" : "&about=" + encode(about));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A refusal answered to htmx: swap the whole {@code main} of the step's page and show its address. */
    public static void refused(String back, HttpServletResponse response, String pagePath) {
        if (!asked(back)) {
            return;
        }
        response.setHeader("HX-Retarget", "main");
        response.setHeader("HX-Reselect", "main");
        response.setHeader("HX-Reswap", "outerHTML");
        response.setHeader("HX-Push-Url", pagePath);
    }
}
