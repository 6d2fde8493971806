package dev.navi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium driven through the installed chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN} name other paths). Nothing is
 * downloaded: the driver is given explicitly, so Selenium Manager is never asked. A missing browser fails
 * the tests instead of skipping them.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Where the browser saves what the console offers for download. */
    static final Path DOWNLOADS = Path.of("target", "console-downloads").toAbsolutePath();

    private final ChromeDriver driver;

    private ConsoleBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    static ConsoleBrowser start() {
        var chromium = executable("CHROMIUM_BIN", "/usr/bin/chromium");
        var chromedriver = executable("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        var options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1400,1000",
                "--no-first-run",
                "--no-default-browser-check");
        options.setExperimentalOption(
                "prefs",
                java.util.Map.of(
                        "download.default_directory", DOWNLOADS.toString(), "download.prompt_for_download", false));
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        return new ConsoleBrowser(new ChromeDriver(service, options));
    }

    private static Path executable(String variable, String debianPath) {
        var path = Path.of(System.getenv().getOrDefault(variable, debianPath));
        if (!Files.isExecutable(path)) {
            throw new AssertionError(path + " is not installed (apt-get install chromium chromium-driver, or set "
                    + variable + "): the console's browser tests cannot run without it");
        }
        return path;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Runs JavaScript in the page; {@code return ...} gives its value. */
    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    Object asyncScript(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(javascript, arguments);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean present(String css) {
        return !all(css).isEmpty();
    }

    String text(String css) {
        return all(css).stream().findFirst().map(WebElement::getText).orElse("");
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the page logged as an error since the last call, other than the API's refusals the tests ask for
     * ("Failed to load resource"): script errors and Content-Security-Policy violations.
     */
    List<String> pageErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
