package nl.wederkerig.api.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import java.io.IOException;

/**
 * Style sheets and scripts are named by their content on every page ({@code /css/wederkerig-<hash>.css},
 * application.yml's resource chain): Spring's {@link ResourceUrlEncodingFilter} does that for every
 * URL a template writes. But static files are served from {@code /**}, so it also looked for a file
 * behind every link and form action ({@code /advances/…}, {@code /coordinator/…}) on the class path,
 * found none and remembered nothing: a jar search per link, 57 % of the request threads' time under
 * the 16-user page load (docs/performance.md, issue 16). Here only a URL whose last path segment names
 * a file (has a dot: {@code .css}, {@code .js}, {@code .png}) is looked up; every other URL is written
 * exactly as the filter would write it when it finds no file, as itself. Every static file has an
 * extension (FileUrlsOnlyHttpTest holds both halves).
 */
@Configuration
public class FileUrlsOnly {

    /** Replaces Boot's own registration (Thymeleaf's auto-configuration backs off when this one exists); same dispatches. */
    @Bean
    public FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Whether a URL a page writes may name a static file: the last segment of its path has a dot. */
    static boolean namesAFile(String url) {
        int end = url.length();
        for (char mark : new char[] {'?', '#'}) {
            int at = url.indexOf(mark);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String path = url.substring(0, end);
        return path.indexOf('.', path.lastIndexOf('/') + 1) >= 0;
    }

    static final class Filter extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            super.doFilter(request, response, (wrappedRequest, versioning) ->
                    chain.doFilter(wrappedRequest, new Response((HttpServletResponse) versioning, (HttpServletResponse) response)));
        }
    }

    /** Sends file URLs through the content-naming response, every other URL straight to the plain one. */
    private static final class Response extends HttpServletResponseWrapper {

        private final HttpServletResponse plain;

        Response(HttpServletResponse versioning, HttpServletResponse plain) {
            super(versioning);
            this.plain = plain;
        }

        @Override
        public String encodeURL(String url) {
            return namesAFile(url) ? super.encodeURL(url) : plain.encodeURL(url);
        }
    }
}
