package nl.wederkerig.api.demo;

import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.core.shared.CommunityId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the docs tell a reader to do with the demo works as written (issue 11: operations.md named
 * three of the six demo logins, and ledger-model.md downloaded the journal as a neighbour, a 403).
 */
@LedgerTest
class DocumentedDemoTest {

    /** The module runs its tests in ledger-api/; the docs are one level up. */
    private static final Path ROOT = Path.of("..");
    private static final Pattern JOURNAL_DOWNLOAD = Pattern.compile(
            "curl -u ([a-z]+):\\S*.*?/api/v1/communities/rotterdam-west/(journal\\.(?:hledger|csv))");
    private static final List<String> COUNT_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten");

    @Autowired
    DemoData demo;
    @Autowired
    TestRestTemplate http;

    @Test
    void operationsMdNamesEveryDemoLoginWithItsPassword() throws IOException {
        String row = Files.readAllLines(ROOT.resolve("docs/operations.md")).stream()
                .filter(line -> line.startsWith("| `wederkerig.demo` |")).findFirst().orElseThrow();

        assertThat(row).contains(COUNT_WORDS.get(DemoData.PEOPLE.size()) + " logins")
                .contains("password `" + DemoData.PASSWORD + "`");
        assertThat(DemoData.PEOPLE).allSatisfy(person -> assertThat(row).contains("`" + person + "`"));
    }

    @Test
    void everyDocumentedJournalDownloadWorksForTheLoginItUses() throws IOException {
        String suffix = Neighbours.unique("d");
        CommunityId community = CommunityId.of("west-" + suffix);
        demo.load(community, name -> name + "-" + suffix);

        List<String> downloads = new ArrayList<>();
        for (Path doc : documents()) {
            for (String line : Files.readAllLines(doc)) {
                Matcher download = JOURNAL_DOWNLOAD.matcher(line);
                if (download.find()) {
                    String login = download.group(1) + "-" + suffix;
                    ResponseEntity<String> answer = http.withBasicAuth(login, DemoData.PASSWORD)
                            .getForEntity("/api/v1/communities/" + community + "/" + download.group(2), String.class);
                    downloads.add(ROOT.relativize(doc) + ": " + download.group(1) + " -> " + answer.getStatusCode().value());
                }
            }
        }
        assertThat(downloads).as("journal downloads shown in the docs").isNotEmpty()
                .allSatisfy(download -> assertThat(download).endsWith("-> 200"));
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<Path> all = new ArrayList<>(docs.filter(path -> path.toString().endsWith(".md")).sorted().toList());
            all.add(ROOT.resolve("README.md"));
            return all;
        }
    }
}
