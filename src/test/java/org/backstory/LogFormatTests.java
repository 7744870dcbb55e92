package org.backstory;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.backstory.shared.StartRefused;
import org.backstory.shared.web.RequestIds;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code BACKSTORY_LOG_FORMAT}: {@code json} turns on Spring Boot's structured console
 * lines, and a line written with Spring Boot's own encoder in that format is one JSON
 * object carrying the request id. A unit test of the configuration: a second application
 * context only to change the log format would cost the suite a minute.
 */
class LogFormatTests {

	@Test
	void jsonTurnsOnStructuredLinesWhoseRequestIdIsAField() {
		MockEnvironment environment = new MockEnvironment().withProperty(LogFormat.PROPERTY, "json");

		new LogFormat().postProcessEnvironment(environment, new SpringApplication());

		String format = environment.getProperty(LogFormat.STRUCTURED);
		assertThat(format).isEqualTo("ecs");
		JsonNode line = JsonMapper.shared().readTree(logLine(environment, format));
		assertThat(line.path(RequestIds.MDC_KEY).asString()).isEqualTo("4f2a9c01b7d3e865");
		assertThat(line.path("message").asString()).isEqualTo("Signed up memberId=7");
		assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
	}

	@Test
	void plainOrNothingLeavesTheTextLines() {
		for (MockEnvironment environment : new MockEnvironment[] { new MockEnvironment(),
				new MockEnvironment().withProperty(LogFormat.PROPERTY, "plain") }) {
			new LogFormat().postProcessEnvironment(environment, new SpringApplication());

			assertThat(environment.getProperty(LogFormat.STRUCTURED)).isNull();
		}
	}

	@Test
	void anExplicitStructuredFormatWins() {
		MockEnvironment environment = new MockEnvironment().withProperty(LogFormat.PROPERTY, "JSON")
			.withProperty(LogFormat.STRUCTURED, "logstash");

		new LogFormat().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(LogFormat.STRUCTURED)).isEqualTo("logstash");
	}

	@Test
	void anUnknownFormatRefusesToStartAndSaysWhatToSet() {
		MockEnvironment environment = new MockEnvironment().withProperty(LogFormat.PROPERTY, "xml");

		assertThatThrownBy(() -> new LogFormat().postProcessEnvironment(environment, new SpringApplication()))
			.isInstanceOf(StartRefused.class)
			.hasMessageContaining("BACKSTORY_LOG_FORMAT")
			.satisfies(refused -> assertThat(((StartRefused) refused).action()).contains("json", "plain"));
	}

	/** One line as the console appender writes it in {@code format}. */
	private static String logLine(Environment environment, String format) {
		LoggerContext context = new LoggerContext();
		context.putObject(Environment.class.getName(), environment);
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat(format);
		encoder.start();
		LoggingEvent event = new LoggingEvent(LogFormatTests.class.getName(),
				context.getLogger("org.backstory.members.account.Registration"), Level.INFO, "Signed up memberId={}",
				null, new Object[] { 7 });
		event.setMDCPropertyMap(Map.of(RequestIds.MDC_KEY, "4f2a9c01b7d3e865"));
		String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
		assertThat(line).endsWith("\n").doesNotContain("\n{");
		return line;
	}

}
