package org.backstory;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the app's Prometheus metrics over HTTP as a Prometheus server does: with the
 * bearer token every test context is given ({@code backstory.metrics.token}).
 */
public final class MetricsScrape {

	/** The scrape token of the test contexts. */
	public static final String TOKEN = "test-scrape-token-0123456789abcdef0123456789";

	private final Map<String, Double> samples;

	private MetricsScrape(Map<String, Double> samples) {
		this.samples = samples;
	}

	/** Scrapes once; fails unless the endpoint answers 200. */
	public static MetricsScrape of(int port) {
		Visitor.Page page = new Visitor(port).get("/actuator/prometheus", "Authorization", "Bearer " + TOKEN);
		assertThat(page.status()).as("scrape status").isEqualTo(200);
		return parse(page.body());
	}

	/** Reads Prometheus' text format: one {@code series value} a line, comments aside. */
	static MetricsScrape parse(String body) {
		Map<String, Double> samples = new HashMap<>();
		for (String line : body.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int space = line.lastIndexOf(' ');
			samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
		}
		return new MetricsScrape(samples);
	}

	/** Every metric name that has a sample (series without their labels). */
	public Set<String> names() {
		Set<String> names = new TreeSet<>();
		samples.keySet().forEach(series -> {
			int brace = series.indexOf('{');
			names.add(brace < 0 ? series : series.substring(0, brace));
		});
		return names;
	}

	/**
	 * The value of one series, named with its labels in Prometheus' order, e.g.
	 * {@code backstory_mail_sent_total{stream="system"}}; fails when there is none.
	 */
	public double value(String series) {
		assertThat(samples).as("scraped series").containsKey(series);
		return samples.get(series);
	}

	/** The series as scraped, for a failure message. */
	public Set<String> series() {
		return new TreeSet<>(samples.keySet());
	}

}
