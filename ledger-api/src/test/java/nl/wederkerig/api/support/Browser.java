package nl.wederkerig.api.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import nl.wederkerig.core.harness.RequiredTools;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser (Debian's headless Chromium) on a phone-sized window, for the page tests. Every
 * page a test looks at goes through {@link #check}: a screenshot under {@code target/screenshots}
 * for a person to look at, axe-core's WCAG 2.1 AA rules with no serious or critical violation, and
 * no horizontal scrolling. Waits are explicit, never sleeps. Needs chromium and chromium-driver
 * ({@link RequiredTools}: fails when they are missing; {@code ./test} installs them).
 */
public final class Browser implements AutoCloseable {

    public static final Dimension PHONE = new Dimension(390, 844);
    /** The narrowest phone the pages are made for. */
    public static final Dimension SMALL_PHONE = new Dimension(360, 640);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final WebDriver driver;
    private final WebDriverWait waitFor;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
        this.waitFor = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** A fresh browser (no cookies) asking for Dutch pages, on a phone, for the site at {@code base}. */
    public static Browser open(String base) {
        return open(base, "nl", PHONE);
    }

    public static Browser open(String base, String language, Dimension window) {
        List<Path> tools = RequiredTools.require("chromium", "chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(tools.get(0).toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=" + window.width + "," + window.height, "--lang=" + language);
        // The language the person's browser asks for, whatever the machine's own setting.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                // Generous: on a busy shared CI machine the driver can take long to come up.
                .usingDriverExecutable(tools.get(1).toFile()).usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(window);
        return new Browser(driver, base);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waitFor() {
        return waitFor;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    public WebElement find(String id) {
        return waitFor.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** Clears the field and types into it, as a person would. */
    public void type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Clicks, and when the element is a link or a button (every page works without JavaScript, so
     * those load a page, or with htmx replace the part of the page they are in) waits until the
     * clicked element is gone: what is read next is the new page or part, never the old one a moment
     * before it is replaced.
     */
    public void click(String id) {
        WebElement element = find(id);
        WebElement page = element;
        boolean loadsAPage = List.of("a", "button", "input").contains(element.getTagName().toLowerCase(java.util.Locale.ROOT));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        if (loadsAPage) {
            try {
                // Gone from the browser: stale, or (Chrome, mid-navigation) "does not belong to the document".
                new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
                    try {
                        page.isEnabled();
                        return false;
                    } catch (org.openqa.selenium.WebDriverException gone) {
                        return true;
                    }
                });
            } catch (org.openqa.selenium.TimeoutException stayed) {
                // a control that changes nothing on its own (a disabled button, a link to the same anchor)
            }
        }
    }

    /** The element's text, read again if the page was replaced between finding and reading it. */
    public String text(String id) {
        return waitFor.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    WebElement element = d.findElement(By.id(id));
                    return element.isDisplayed() ? element.getText().replace('\u00a0', ' ').trim() : null;
                });
    }

    /** Marks this page in the browser's memory: a full page load forgets the mark, an htmx swap keeps it. */
    public void mark() {
        ((JavascriptExecutor) driver).executeScript("window.wederkerigMark = 'same page';");
    }

    /** Whether the page marked by {@link #mark} is still the one shown (nothing was loaded in full since). */
    public boolean samePage() {
        return "same page".equals(((JavascriptExecutor) driver).executeScript("return window.wederkerigMark || null;"));
    }

    public String heading() {
        return waitFor.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText();
    }

    /** The page as it is now: screenshot, accessibility (no serious or critical violation), no sideways scrolling. */
    public void check(String page) {
        screenshot(page);
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe).collect(Collectors.toList());
        assertThat(serious).as("serious or critical accessibility violations on " + page).isEmpty();
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).longValue()).as("horizontal scrolling on " + page).isLessThanOrEqualTo(0);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).as("lang of " + page).isNotBlank();
    }

    public void screenshot(String page) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
