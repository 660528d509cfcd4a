package nl.wederkerig.api.platform.web;

import nl.wederkerig.statements.StatementReader;

import nl.wederkerig.api.platform.web.problems.ProblemResponses;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses API request bodies larger than {@link #MAX_BODY_BYTES} before anything reads them: a
 * declared length over the limit is a 413 at once; an undeclared (chunked) body is cut off at the
 * limit, which makes it unreadable JSON and so a 400. Either way nothing is stored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

    /** Largest API request body in bytes; the largest command body is well under 2 KiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /**
     * An expense claim sent with its receipt files (multipart): up to 5 files of at most 5 MiB each
     * (ReceiptScans) and the claim's fields. The same as {@code spring.servlet.multipart.max-request-size}.
     */
    public static final long MAX_CLAIM_WITH_RECEIPTS_BYTES = 26L * 1024 * 1024;

    private final ProblemResponses problems;

    public RequestSizeLimit(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                    "a request body may hold at most " + limit + " bytes");
            return;
        }
        // One byte past the limit still reaches the statement reader, so a chunked file that is too large is refused as such.
        chain.doFilter(new Bounded(request, limit == MAX_BODY_BYTES ? limit : limit + 1), response);
    }

    /**
     * A bank statement upload may hold a statement file ({@link StatementReader#MAX_FILE_BYTES}), a
     * claim sent as multipart its receipt files, an errand's spending report its receipt file; every other body far less.
     */
    static long limitOf(HttpServletRequest request) {
        boolean post = "POST".equals(request.getMethod());
        if (post && request.getRequestURI().endsWith("/bank-statements")) {
            return StatementReader.MAX_FILE_BYTES;
        }
        String type = request.getContentType();
        boolean multipart = post && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
        // An errand's spending report takes one receipt file; its other parts are refused by ReceiptFiles and Errands.
        boolean withReceipts = multipart && (request.getRequestURI().endsWith("/claims") || request.getRequestURI().endsWith("/spending"));
        return withReceipts ? MAX_CLAIM_WITH_RECEIPTS_BYTES : MAX_BODY_BYTES;
    }

    /** Ends the body stream at the limit, whatever the client sends after it. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;

        private Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long readBytes;

                @Override
                public int read() throws IOException {
                    if (readBytes >= limit) {
                        return -1;
                    }
                    int next = in.read();
                    if (next >= 0) {
                        readBytes++;
                    }
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (readBytes >= limit) {
                        return -1;
                    }
                    int count = in.read(buffer, offset, (int) Math.min(length, limit - readBytes));
                    if (count > 0) {
                        readBytes += count;
                    }
                    return count;
                }

                @Override
                public boolean isFinished() {
                    return readBytes >= limit || in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
