package org.backstory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core (the npm package, installed by the build into {@code src/test/axe}) run in the
 * page a {@link HeadlessChromium} shows. The script goes in through the driver, which the
 * page's Content-Security-Policy does not govern, so pages are checked as they ship.
 */
public final class AxeCore {

	private static final Path SCRIPT = Path.of("src", "test", "axe", "node_modules", "axe-core", "axe.min.js");

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { resultTypes: ['violations'] })
			  .then(result => done(JSON.stringify(result.violations
			    .filter(v => v.impact === 'serious' || v.impact === 'critical')
			    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
			                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })))))
			  .catch(error => done('failed: ' + error));
			""";

	private static String source;

	private AxeCore() {
	}

	/**
	 * The serious and critical violations on the page the browser shows now, one line
	 * each: the rule, its impact, what it asks for and up to five offending elements.
	 */
	public static List<String> seriousViolations(HeadlessChromium browser) {
		browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		browser.driver().executeScript(script());
		String answer = (String) browser.driver().executeAsyncScript(RUN);
		if (answer.startsWith("failed: ")) {
			throw new AssertionError("axe-core " + answer);
		}
		List<String> lines = new ArrayList<>();
		for (JsonNode violation : JsonMapper.builder().build().readTree(answer)) {
			lines.add(violation.get("id").asString() + " (" + violation.get("impact").asString() + "): "
					+ violation.get("help").asString() + " at " + violation.get("nodes"));
		}
		return lines;
	}

	private static synchronized String script() {
		if (source == null) {
			if (!Files.exists(SCRIPT)) {
				throw new IllegalStateException("axe-core is not installed in src/test/axe: "
						+ "`mvn process-test-classes` runs `npm ci` there (any `mvn verify` does it)");
			}
			try {
				source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return source;
	}

}
