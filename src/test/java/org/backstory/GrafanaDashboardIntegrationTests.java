package org.backstory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard in {@code docs/} is valid JSON, asks only for metrics the app
 * exports (compared with a scrape), and shows every business metric.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GrafanaDashboardIntegrationTests {

	private static final Path DASHBOARD = Path.of("docs/grafana-backstory.json");

	/** A metric name in a PromQL expression: every family the app exports. */
	private static final Pattern METRIC = Pattern
		.compile("\\b(?:backstory|jvm|http|process|system|jdbc|hikaricp|tomcat|executor|logback|disk)_[a-z0-9_]+");

	@LocalServerPort
	int port;

	@Test
	void everyMetricTheDashboardAsksForIsOneTheAppExports() throws IOException {
		new Visitor(port).get("/");
		Set<String> exported = MetricsScrape.of(port).names();

		Set<String> asked = askedFor(JsonMapper.shared().readTree(Files.readString(DASHBOARD)));

		assertThat(asked).isNotEmpty();
		assertThat(exported).as("exported metrics").containsAll(asked);
		assertThat(asked).as("every business metric has a panel")
			.containsAll(exported.stream().filter(name -> name.startsWith("backstory_")).toList());
	}

	private static Set<String> askedFor(JsonNode dashboard) {
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			assertThat(panel.path("title").asString()).as("panel title").isNotBlank();
			panel.path("targets").forEach(target -> expressions.add(target.path("expr").asString()));
		}
		Set<String> names = new TreeSet<>();
		for (String expression : expressions) {
			Matcher metric = METRIC.matcher(expression);
			while (metric.find()) {
				names.add(metric.group());
			}
		}
		return names;
	}

}
