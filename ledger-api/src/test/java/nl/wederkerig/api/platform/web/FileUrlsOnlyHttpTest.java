package nl.wederkerig.api.platform.web;

import nl.wederkerig.api.support.LedgerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages still name style sheets by their content, while links and form actions are written as they
 * are without a search for a file behind them ({@link FileUrlsOnly}).
 */
@LedgerTest
class FileUrlsOnlyHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    List<FilterRegistrationBean<?>> filters;

    @Test
    void aPageNamesItsStyleSheetsByContentAndWritesItsOtherUrlsAsTheyAre() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).containsPattern("href=\"/css/wederkerig-[0-9a-f]{32}\\.css\"")
                .containsPattern("href=\"/css/neighbours-[0-9a-f]{32}\\.css\"")
                .contains("action=\"/login\"");
    }

    @Test
    void onlyThisFilterNamesUrlsByContent() {
        assertThat(filters).filteredOn(registration -> registration.getFilter() instanceof ResourceUrlEncodingFilter)
                .singleElement().satisfies(registration -> assertThat(registration.getFilter()).isInstanceOf(FileUrlsOnly.Filter.class));
    }

    @Test
    void aUrlNamesAFileWhenTheLastSegmentOfItsPathHasADot() {
        assertThat(FileUrlsOnly.namesAFile("/css/wederkerig.css")).isTrue();
        assertThat(FileUrlsOnly.namesAFile("/webjars/htmx.org/dist/htmx.min.js?v=2")).isTrue();
        assertThat(FileUrlsOnly.namesAFile("/advances/adv-1/girocode.png")).isTrue();
        assertThat(FileUrlsOnly.namesAFile("/advances/adv-1")).isFalse();
        assertThat(FileUrlsOnly.namesAFile("/webjars.d/advances")).isFalse();
        assertThat(FileUrlsOnly.namesAFile("/coordinator/partners/care?done=recorded.x")).isFalse();
        assertThat(FileUrlsOnly.namesAFile("/history#entry.1")).isFalse();
        assertThat(FileUrlsOnly.namesAFile("?lang=en")).isFalse();
        assertThat(FileUrlsOnly.namesAFile("")).isFalse();
    }

    /** What the filter no longer looks up must never be a file: every static file has an extension. */
    @Test
    void everyStaticFileHasAnExtension() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:static/**/*");
        List<String> names = Arrays.stream(files).filter(Resource::isReadable).map(Resource::getFilename).toList();

        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).contains("."));
    }
}
