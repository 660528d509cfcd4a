package nl.wederkerig.api.platform.web.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.platform.web.problems.ProblemResponses;
import nl.wederkerig.api.platform.web.RequestSizeLimit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * For state-changing API requests with an {@code Idempotency-Key} header: the first request with a
 * key runs and its answer is stored; a repeat with the same method, path and body gets the stored
 * answer (header {@code Idempotent-Replayed: true}) without running again; the same key with another
 * request is a 422. Keys are scoped per user. A repeat that arrives while the first still runs waits
 * for its answer. Runs after Spring Security, so the user is known.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";


    /** How long a repeat waits for the first request with its key to finish. */
    static final long MAX_WAIT_MILLIS = 10_000;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final IdempotencyRecords records;
    private final ProblemResponses problems;

    public IdempotencyFilter(IdempotencyRecords records, ProblemResponses problems) {
        this.records = records;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        boolean changesState = method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE");
        return !changesState || !request.getRequestURI().startsWith("/api/") || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String key = request.getHeader(HEADER);
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            // Security answers 401 on its own; the few open requests (setup, invitation) have no
            // user to scope a key to, and are safe to repeat by their own one-time token or code.
            chain.doFilter(request, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "idempotency-key-invalid",
                    "Idempotency-Key must be 1 to 64 letters, digits, dots, colons, dashes or underscores");
            return;
        }
        CachedBodyRequest cached = CachedBodyRequest.of(request, RequestSizeLimit.MAX_BODY_BYTES);
        if (cached == null) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                    "a request body may hold at most " + RequestSizeLimit.MAX_BODY_BYTES + " bytes");
            return;
        }
        String fingerprint = fingerprint(request, cached.body());
        if (records.claim(user.getName(), key, fingerprint)) {
            runOnce(cached, response, chain, user.getName(), key);
        } else {
            answerRepeat(cached, response, chain, user.getName(), key, fingerprint);
        }
    }

    private void runOnce(CachedBodyRequest request, HttpServletResponse response, FilterChain chain, String username,
                         String key) throws IOException, ServletException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, captured);
            int status = captured.getStatus();
            String body = new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8);
            // A failure inside the server is not an answer: forget the key so a retry runs again. Nor
            // is an answer that must not be kept (a one-time code): a retry runs again and gets a new one.
            if (status < 500 && body.length() <= IdempotencyRecords.MAX_BODY_CHARS && !mustNotBeStored(captured)) {
                stored = records.complete(username, key, status, captured.getContentType(), body);
            }
        } finally {
            if (!stored) {
                records.release(username, key);
            }
            captured.copyBodyToResponse();
        }
    }

    private static boolean mustNotBeStored(HttpServletResponse response) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.contains("no-store");
    }

    /**
     * A request with a key seen before: the stored answer once the first request has finished; the
     * request itself when the first one failed (its claim was released) or its instance stopped
     * before answering (a crash: the claim is taken over); 409 only while the first still runs
     * after {@link #MAX_WAIT_MILLIS}.
     */
    private void answerRepeat(CachedBodyRequest request, HttpServletResponse response, FilterChain chain, String username,
                              String key, String fingerprint) throws IOException, ServletException {
        long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
        while (true) {
            Optional<IdempotencyRecords.Stored> stored = records.find(username, key);
            if (stored.isEmpty()) {
                if (records.claim(username, key, fingerprint)) {
                    runOnce(request, response, chain, username, key);
                    return;
                }
                continue; // claimed by another retry just now: wait for it like for the first
            }
            if (!stored.get().fingerprint().equals(fingerprint)) {
                problems.write(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                        "this Idempotency-Key was used for a different request");
                return;
            }
            if (stored.get().state() == IdempotencyRecords.State.DONE) {
                replay(response, stored.get());
                return;
            }
            if (records.takeOverAbandoned(username, key, stored.get())) {
                runOnce(request, response, chain, username, key);
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                problems.write(request, response, HttpStatus.CONFLICT, "request-in-progress",
                        "a request with this Idempotency-Key is still running");
                return;
            }
            pause();
        }
    }

    private static void replay(HttpServletResponse response, IdempotencyRecords.Stored stored) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader(REPLAYED, "true");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(stored.body() == null ? "" : stored.body());
    }

    private static void pause() throws ServletException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted while waiting for a request with the same key", e);
        }
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        return fingerprint(request.getMethod(), request.getRequestURI(), body);
    }

    /** What makes two requests the same request: method, path and body. */
    static String fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
