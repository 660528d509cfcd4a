package nl.wederkerig.api.platform.axon;

/**
 * The neighbourhood's machine never phones home. Axon 4.12 has an update checker that contacts
 * AxonIQ's servers on every start (logging a stack trace every minute when offline) and writes a
 * machine id and a properties file into the user's home. It is wired twice: by Spring Boot's
 * auto-configuration, which application.yml excludes ({@code spring.autoconfigure.exclude}), and
 * by a service-loaded configurer module outside Spring, which reads only system properties:
 * {@link #outsideSpring()} switches it off before Axon starts. {@code NoOutboundConnectionTest}
 * watches the running process for any connection out, and for anything written into its home.
 */
public final class NoPhoningHome {

    static final String DISABLED = "axoniq.update-checker.disabled";
    static final String URL = "axoniq.usage.url";
    /** Never contacted (the checker is off); set so the checker has no reason to read the home directory. */
    static final String NOWHERE = "http://127.0.0.1:9/";

    private NoPhoningHome() {
    }

    /**
     * Off, unless someone switched it on explicitly with {@code -Daxoniq.update-checker.disabled=false}.
     * Called before the application context starts.
     */
    public static void outsideSpring() {
        if (System.getProperty(DISABLED) == null) {
            System.setProperty(DISABLED, "true");
            if (System.getProperty(URL) == null) {
                System.setProperty(URL, NOWHERE);
            }
        }
    }
}
