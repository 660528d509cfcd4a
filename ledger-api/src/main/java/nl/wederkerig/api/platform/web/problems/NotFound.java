package nl.wederkerig.api.platform.web.problems;

/** Nothing by that id that this member may see. Unknown and not-yours look the same on purpose. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what, null, false, false);
    }
}
