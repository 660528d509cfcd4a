package nl.wederkerig.api.logins;

import nl.wederkerig.api.support.Communities;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.balances.AdvanceBalances;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One real browser (headless Chromium, on a phone-sized window) walks the way a neighbour does:
 * open the site, get sent to the log-in form, log in, see their own balance, log out. Waits are
 * explicit, never sleeps. Leaves screenshots in {@code target/screenshots}.
 *
 * <p>Needs the Debian packages {@code chromium} and {@code chromium-driver} ({@code .ci/run}
 * installs them). Without them the test is skipped on a developer's machine, but in CI
 * ({@code CI=true}) it runs and fails.
 */
@LedgerTest
class BrowserLoginTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Dimension PHONE = new Dimension(390, 844);
    static final CommunityId WEST = CommunityId.of("rotterdam-west");

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    AdvanceBalances balances;
    @Autowired
    Clock clock;

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
        // The language a Dutch neighbour's browser asks for, whatever the machine's own setting.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                // Generous: on a busy shared CI machine the driver can take long to come up.
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
    void aNeighbourIsSentToLogInLogsInAndSeesTheirOwnBalance() throws IOException {
        Communities.founded(commands, WEST);
        MemberId amina = Neighbours.member(accounts, commands, WEST, "amina");
        MemberId bram = Neighbours.member(accounts, commands, WEST, "bram");
        commands.sendAndWait(new MakeAdvance(AdvanceId.of(Neighbours.unique("adv")), WEST, amina, bram, Money.eur("43.20"),
                Purpose.GROCERIES, LocalDate.now(clock), amina));
        await().atMost(Duration.ofSeconds(10)).until(() -> balances.balanceOf(WEST, amina).owedToMe().cents() == 4320);

        browser.get("http://localhost:" + port + "/");
        waitFor.until(ExpectedConditions.urlContains("/login"));
        waitFor.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Inloggen");
        screenshot("login.png");

        browser.findElement(By.id("username")).sendKeys(amina.value());
        browser.findElement(By.id("password")).sendKeys(Neighbours.PASSWORD);
        browser.findElement(By.id("log-in")).click();

        waitFor.until(ExpectedConditions.visibilityOfElementLocated(By.id("owed-to-me")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mijn overzicht");
        assertThat(plain(browser.findElement(By.id("owed-to-me")).getText())).isEqualTo("€ 43,20");
        assertThat(plain(browser.findElement(By.id("i-owe")).getText())).isEqualTo("€ 0,00");
        assertThat(browser.findElement(By.id("open-advances")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("who")).getText()).contains(amina.value());
        screenshot("overview.png");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, document.body.scrollHeight)");
        waitFor.until(ExpectedConditions.visibilityOfElementLocated(By.id("log-out")));
        screenshot("overview-end.png");

        browser.findElement(By.id("log-out")).click();
        waitFor.until(ExpectedConditions.visibilityOfElementLocated(By.id("logged-out")));
        browser.get("http://localhost:" + port + "/");
        waitFor.until(ExpectedConditions.urlContains("/login"));
    }

    private static String plain(String text) {
        return text.replace('\u00a0', ' ').trim();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
