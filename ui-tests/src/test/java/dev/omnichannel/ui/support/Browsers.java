package dev.omnichannel.ui.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The browsers a test opens ({@code @RegisterExtension Browsers browsers = new Browsers()}): when
 * the test fails each one's page, console and screenshot are saved under target/screenshots; once
 * the test's outcome is known they are closed.
 */
public class Browsers implements TestWatcher {

    private final List<Browser> open = new ArrayList<>();

    /** A desktop-sized window. */
    public Browser desktop(String name) {
        return open(name, 1280, 1000);
    }

    /** A phone-sized window. */
    public Browser phone(String name) {
        return open(name, 412, 900);
    }

    public Browser open(String name, int width, int height) {
        Browser browser = Browser.open(name, width, height);
        open.add(browser);
        return browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String test = context.getRequiredTestMethod().getName();
        open.forEach(browser -> browser.saveForDiagnosis(test));
        closeAll();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        closeAll();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        closeAll();
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        closeAll();
    }

    private void closeAll() {
        open.forEach(Browser::close);
        open.clear();
    }
}
