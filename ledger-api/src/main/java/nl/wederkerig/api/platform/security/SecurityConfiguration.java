package nl.wederkerig.api.platform.security;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.projections.community.Memberships;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import nl.wederkerig.api.platform.web.problems.ProblemResponses;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import nl.wederkerig.api.platform.web.pages.TooLargeUpload;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.time.Clock;

/**
 * Two ways in, one set of accounts.
 *
 * <p><b>API clients</b> (partners' systems, scripts, Swagger UI's <i>Authorize</i>, the benchmarks)
 * send HTTP Basic on every request. A request that carries an {@code Authorization} header is
 * handled by the first chain: stateless, no session is ever created, and no CSRF token is asked
 * for. That is safe because a cross-site page cannot make a browser send that header: a form or a
 * link cannot set it, and a script may only set it on a cross-origin request after a CORS preflight
 * this application never grants. The one way a browser adds it by itself is from credentials it
 * cached after showing its own Basic log-in prompt, and {@link SecurityProblems} never asks a
 * browser for Basic, so that prompt never appears.
 *
 * <p><b>Neighbours in a browser</b> log in with the form at {@code /login}. That gives a session
 * (cookie {@code HttpOnly}, {@code SameSite=Lax}, a new session id at log-in against session
 * fixation), and a session cookie is sent by the browser on its own, so every state-changing
 * request that rides on it must carry the CSRF token of that session. Unauthenticated page
 * requests are sent to the log-in page; unauthenticated API requests get the 401 problem detail.
 * A session ends as soon as its account's password changes or the account is disabled
 * ({@link LoggedInAccountCheck}).
 */
@Configuration
public class SecurityConfiguration {

    public static final String LOGIN_PAGE = "/login";
    public static final String LOGOUT = "/logout";

    /** Founding a wijk (one-time token) and choosing a password (invitation or reset code) prove themselves otherwise. */
    public static final String SETUP_PAGE = "/setup";
    public static final String INVITATION_PAGE = "/invitation";

    private static final String[] PUBLIC = {
            "/actuator/health/**", "/actuator/health", "/actuator/info", "/error",
            SETUP_PAGE, "/api/v1/setup", INVITATION_PAGE, "/api/v1/invitations/redemption",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/css/**", "/favicon.ico",
            // Script libraries (htmx, chart.js) hold nothing of anyone: the log-in page preloads htmx for the page after it.
            "/webjars/**"};

    /**
     * Scripts, styles, images and fonts only from this application itself, never inline script,
     * never inside another site's frame, forms only to here. Swagger UI loads its own files the
     * same way; its icons are data: images.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/");

    /**
     * An address the firewall refuses ({@code ..}, {@code ;}, {@code //}, an encoded slash) gets a
     * problem detail like every other refusal, not the container's error page.
     */
    @Bean
    public RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
                "address-not-allowed", "this address holds characters or steps that are not allowed");
    }

    /**
     * No Micrometer observation around each of Spring Security's filters, authentications and
     * authorizations: nothing here exports metrics (only health and info are exposed), and the
     * wrapping of every filter in every request was a tenth of a command's request time in the profile
     * (docs/performance.md, issue 16).
     */
    @Bean
    public org.springframework.security.config.observation.SecurityObservationSettings noSecurityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public AuthenticationManager authenticationManager(LoginStore accounts, PasswordEncoder passwords, Clock clock,
                                                       JdbcTemplate jdbc,
                                                       @Value("${wederkerig.accounts.verified-credentials-cache:true}")
                                                       boolean cacheVerified) {
        AuthenticationProvider provider;
        if (cacheVerified) {
            provider = new VerifiedCredentialsCache(accounts, passwords, clock);
        } else {
            DaoAuthenticationProvider bcryptEveryRequest = new DaoAuthenticationProvider(accounts);
            bcryptEveryRequest.setPasswordEncoder(passwords);
            provider = bcryptEveryRequest;
        }
        // One manager, no parent, so a rejected password is checked once; the lockout before all of it.
        return new ProviderManager(new LoginLockout(provider, jdbc, clock));
    }

    /** Requests with an {@code Authorization} header: HTTP Basic, stateless, no CSRF (see the class comment). */
    @Bean
    @Order(1)
    public SecurityFilterChain basic(HttpSecurity http, SecurityProblems problems, AuthenticationManager manager)
            throws Exception {
        return http
                .securityMatcher(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authenticationManager(manager)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::hardened)
                .build();
    }

    /** Everything else: the log-in form, a session, and CSRF tokens for whatever rides on the session cookie. */
    @Bean
    @Order(2)
    public SecurityFilterChain browser(HttpSecurity http, SecurityProblems problems, AuthenticationManager manager,
                                       LoginStore accounts, Memberships memberships) throws Exception {
        HttpSessionRequestCache pages = pagesOnly();
        return http
                .addFilterAfter(new LoggedInAccountCheck(accounts), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(LOGIN_PAGE).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage(LOGIN_PAGE)
                        .successHandler(new Landing(memberships, pages))
                        // Locked or not, the page says nothing about whether the name exists.
                        .failureHandler((request, response, failure) -> response.sendRedirect(LOGIN_PAGE
                                + (failure instanceof LoginLockout.TooManyAttempts ? "?locked" : "?error")))
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl(LOGOUT)
                        .logoutSuccessUrl(LOGIN_PAGE + "?logout")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies("JSESSIONID"))
                .requestCache(cache -> cache.requestCache(pages))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(signIn(problems))
                        .accessDeniedHandler(refused(problems)))
                .authenticationManager(manager)
                .sessionManagement(session -> session
                        .sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(fixation -> fixation.changeSessionId()))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::ridesOnSessionOrLogsIn))
                .headers(SecurityConfiguration::hardened)
                .build();
    }

    /**
     * The same headers on every answer of both chains: pages, API answers, errors and static files.
     * Spring Security's defaults stay (nosniff, no caching of authenticated answers, HSTS on https);
     * added are the policy above, frames refused and referrers kept to this site.
     */
    static void hardened(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frames -> frames.deny())
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /**
     * A state-changing request needs the token when a session cookie could authenticate it, and
     * always for the log-in form itself (else a foreign page could log a neighbour into someone
     * else's account). A request without a session cookie is anonymous and gets the 401 problem
     * rather than a CSRF refusal, and asking for a token would make a session for it.
     */
    private static boolean ridesOnSessionOrLogsIn(HttpServletRequest request) {
        if (!CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)) {
            return false;
        }
        return request.getRequestedSessionId() != null
                || (HttpMethod.POST.matches(request.getMethod()) && LOGIN_PAGE.equals(request.getRequestURI()));
    }

    /** After log-in, go back to the page that was asked for; an API request is never remembered (no session for it). */
    private static HttpSessionRequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod()) && !API.matches(request));
        return cache;
    }

    /** A page sends a person to the log-in form; the API answers with a problem detail, never a redirect. */
    private static AuthenticationEntryPoint signIn(SecurityProblems problems) {
        LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE);
        return (request, response, failure) -> {
            if (API.matches(request)) {
                problems.commence(request, response, failure);
            } else {
                loginPage.commence(request, response, failure);
            }
        };
    }

    /**
     * A page form with a stale token (the session ran out while the page was open) sends the person
     * to log in again with a plain message; a photo over the upload limit (its token never arrived) back
     * to the form with a message beside the file field; everything else is the 403 problem detail.
     */
    private static AccessDeniedHandler refused(SecurityProblems problems) {
        return (request, response, denied) -> {
            String tooLarge = denied instanceof CsrfException && !API.matches(request) ? TooLargeUpload.backTo(request) : null;
            if (tooLarge != null) {
                response.sendRedirect(tooLarge);
            } else if (denied instanceof CsrfException && !API.matches(request)) {
                response.sendRedirect(LOGIN_PAGE + "?expired");
            } else {
                problems.handle(request, response, denied);
            }
        };
    }
}
