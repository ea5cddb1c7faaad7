package com.perfectframe.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through Debian's chromedriver, found on the machine (never downloaded: Selenium Manager
 * is not asked, so the tests run offline). Tests skip with {@link #MISSING} where either is not installed.
 */
final class Browser {

    static final String MISSING =
            "Chromium and its driver are not installed (apt-get install chromium chromium-driver): browser test skipped";

    private static final List<String> BINARIES =
            List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {}

    static boolean available() {
        return find(BINARIES).isPresent() && find(DRIVERS).isPresent();
    }

    /** A new headless browser that saves downloads to {@code downloads} without asking. */
    static ChromeDriver start(Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(find(BINARIES).orElseThrow().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1800",
                "--lang=en-US");
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false,
                        "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(find(DRIVERS).orElseThrow().toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // Headless Chromium ignores the download preference unless told through DevTools.
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return driver;
    }

    private static Optional<Path> find(List<String> candidates) {
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
