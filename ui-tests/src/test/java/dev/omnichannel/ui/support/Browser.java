package dev.omnichannel.ui.support;

import dev.omnichannel.testing.LocalStack;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, with a fresh profile of its own (no
 * cookie, no Keycloak session, no local storage from another test). Nothing is downloaded.
 */
public final class Browser implements AutoCloseable {

    public static final String GATEWAY = LocalStack.GATEWAY;
    static final Duration WAIT = Duration.ofSeconds(30);
    /** What travels over Kafka (stock read model, timeline) may take a little longer than a page. */
    public static final Duration EVENTUAL = Duration.ofSeconds(60);
    static final Path SCREENSHOTS = Path.of(System.getProperty("omni.screenshots", "target/screenshots"));

    /** Chromium is newer than the DevTools versions Selenium knows; nothing here uses them, so no warning about it. */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final String name;

    private Browser(String name, int width, int height) {
        this.name = name;
        try {
            this.profile = Files.createTempDirectory("omni-ui-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String chromedriver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        System.setProperty("webdriver.chrome.driver", chromedriver);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("omni.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=en-GB");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    /** A browser window of this size; {@code name} prefixes its screenshots. */
    public static Browser open(String name, int width, int height) {
        return new Browser(name, width, height);
    }

    public String name() {
        return name;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of the gateway, e.g. {@code /storefront/}. */
    public Browser go(String path) {
        driver.get(GATEWAY + path);
        return this;
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Runs this script in every page this browser opens from now on, before the page's own scripts. */
    public void beforeEachPage(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /** Types the user's name and password into Keycloak's own login page (password {@code demo}). */
    public void signInOnKeycloak(String username) {
        WebElement user = until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        if (!driver.getCurrentUrl().startsWith(LocalStack.KEYCLOAK + "/realms/omnichannel/")) {
            throw new AssertionError("not Keycloak's login page: " + driver.getCurrentUrl());
        }
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
        until(d -> d.getCurrentUrl().startsWith(GATEWAY));
    }

    public WebElement visible(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement visible(String css) {
        return visible(By.cssSelector(css));
    }

    public void click(String css) {
        until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    public void type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return until(condition, WAIT);
    }

    public <T> T until(Function<WebDriver, T> condition, Duration timeout) {
        return wait(timeout, Duration.ofMillis(200)).until(d -> readAgainIfReplaced(condition, d));
    }

    /**
     * For what travels over Kafka before a page can show it: {@code condition} (which may reload what
     * the page shows) is tried once a second until it gives a non-null, non-false answer.
     */
    public <T> T eventually(Function<WebDriver, T> condition) {
        return wait(EVENTUAL, Duration.ofSeconds(1)).until(d -> readAgainIfReplaced(condition, d));
    }

    /**
     * Mid-navigation, Chromium reports an element read from the page being left not as stale (which
     * the wait ignores) but as an "unknown error" about a node not in the document: read it again too.
     */
    private static <T> T readAgainIfReplaced(Function<WebDriver, T> condition, WebDriver driver) {
        try {
            return condition.apply(driver);
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return null;
            }
            throw e;
        }
    }

    /** Pages re-render what they show: an element replaced while it was read is read again. */
    private WebDriverWait wait(Duration timeout, Duration polling) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, polling);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves the window, scrolled to the top, as {@code target/screenshots/<name>-<what>.png}. */
    public Path screenshot(String what) {
        js("window.scrollTo(0, 0)");
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + "-" + what + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save a screenshot", e);
        }
    }

    /** What the page logged (errors included): kept beside the screenshots when a test fails. */
    public String console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::toString).collect(Collectors.joining("\n"));
    }

    void saveForDiagnosis(String test) {
        try {
            screenshot(test + "-failed");
            Files.writeString(SCREENSHOTS.resolve(name + "-" + test + "-failed.txt"),
                    "URL: " + driver.getCurrentUrl() + "\n\nconsole:\n" + console() + "\n\npage:\n" + driver.getPageSource());
        } catch (RuntimeException | IOException e) {
            System.err.println("could not save the failed page of " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
