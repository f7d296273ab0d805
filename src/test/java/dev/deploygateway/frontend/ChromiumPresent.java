package dev.deploygateway.frontend;

import java.nio.file.Path;

import dev.deploygateway.ExecutablesPresent;

/**
 * Runs browser tests only where Debian's chromium and chromedriver are installed; elsewhere they are skipped, unless
 * {@code -Dbrowser.required=true} (CI) turns the absence into a failure.
 */
public class ChromiumPresent extends ExecutablesPresent {

    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

    public ChromiumPresent() {
        super("chromium and chromedriver", "Browser tests", "apt-get install -y chromium chromium-driver",
                "browser.required", CHROMIUM, CHROMEDRIVER);
    }
}
