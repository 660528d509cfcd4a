package nl.wederkerig.api.integrity;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Communities;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The coordinator's integrity page in a real browser on a phone-sized window: it shows the
 * verdict, checks a noted head through its plain GET form (the page has no script at all, see
 * {@code IntegrityHttpTest}), and passes axe-core. Needs Debian's chromium and chromium-driver, like {@code BrowserLoginTest}.
 */
@LedgerTest
class IntegrityPageBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension PHONE = new Dimension(390, 844);

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;

    WebDriver browser;
    WebDriverWait waitFor;

    @BeforeEach
    void startBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        assumeTrue(installed || "true".equals(System.getenv("CI")),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=" + PHONE.width + "," + PHONE.height, "--lang=nl");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        browser = new ChromeDriver(driver, options);
        browser.manage().window().setSize(PHONE);
        waitFor = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theCoordinatorChecksTheBookAndThePagePassesAxe() throws IOException {
        MemberId coordinator = Communities.foundedWithCoordinatorLogin(commands, accounts, Communities.WEST);
        browser.get("http://localhost:" + port + "/login");
        waitFor.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(coordinator.value());
        browser.findElement(By.id("password")).sendKeys(Neighbours.PASSWORD);
        browser.findElement(By.id("log-in")).click();
        waitFor.until(ExpectedConditions.visibilityOfElementLocated(By.id("owed-to-me")));

        browser.get("http://localhost:" + port + "/integrity");
        waitFor.until(ExpectedConditions.visibilityOfElementLocated(By.id("intact")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Is het boek nog zoals het geschreven is?");
        assertNoAxeViolations();

        browser.findElement(By.id("noted")).sendKeys("0123 4567 89ab cdef");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-intact")));
        assertThat(browser.findElement(By.id("broken")).getText()).contains("0123 4567 89ab cdef");
        assertNoAxeViolations();
        screenshot("integrity.png");
    }

    private void assertNoAxeViolations() {
        Results results = new AxeBuilder().analyze(browser);
        assertThat(results.getViolations()).as(() -> results.getViolations().stream()
                .map(Rule::getId).toList().toString()).isEmpty();
    }

    private void screenshot(String name) throws IOException {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, shots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
