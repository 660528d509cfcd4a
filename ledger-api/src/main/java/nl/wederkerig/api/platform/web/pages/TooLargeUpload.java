package nl.wederkerig.api.platform.web.pages;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * A page form with a photo over the multipart limit: the server stops reading the body at the limit,
 * so none of the form's fields arrive, not even its CSRF token, and the request would be refused as
 * an expired form. Recognised here, so the person is sent back to the form with a plain message
 * beside the file field instead (the page reads {@link #PARAMETER}); nothing was read, nothing stored.
 * Only the pages that take files are named: the redirect never goes anywhere a request names.
 */
public final class TooLargeUpload {

    /** The query parameter the form's page reads to show the message beside its file field. */
    public static final String PARAMETER = "upload";
    public static final String VALUE = "too-large";
    private static final Set<String> PAGES_WITH_FILES = Set.of("/claims");
    /** An errand's spending form posts to its own address; the person goes back to the errands page. */
    private static final java.util.regex.Pattern ERRAND_SPENDING = java.util.regex.Pattern.compile("/errands/[A-Za-z0-9._-]{1,64}/spending");
    private static final String ERRANDS_PAGE = "/errands";

    private TooLargeUpload() {
    }

    /** Where to send the person back to, or null when this is no page upload refused for its size. */
    public static String backTo(HttpServletRequest request) {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !(PAGES_WITH_FILES.contains(request.getRequestURI()) || ERRAND_SPENDING.matcher(request.getRequestURI()).matches())) {
            return null;
        }
        String page = PAGES_WITH_FILES.contains(request.getRequestURI()) ? request.getRequestURI() : ERRANDS_PAGE;
        try {
            request.getParts();
            return null; // the parts were read: another reason for the refusal
        } catch (IllegalStateException overTheLimit) {
            // Tomcat reports a file or a request over its multipart limits this way.
            return page + "?" + PARAMETER + "=" + VALUE;
        } catch (IOException | ServletException unreadable) {
            return null;
        }
    }
}
