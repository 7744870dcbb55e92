package org.backstory;

import java.util.Locale;
import java.util.Map;

import org.backstory.shared.StartRefused;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code BACKSTORY_LOG_FORMAT} ({@code backstory.log.format}) into Spring Boot's
 * logging settings before logging starts: {@code json} writes each console line as one
 * JSON object in the Elastic Common Schema (Spring Boot's structured logging, with the
 * MDC's request id as a field), {@code plain} (the default) the usual text lines. An
 * explicit {@code logging.structured.format.console} still wins. Registered in
 * {@code META-INF/spring.factories}.
 */
public class LogFormat implements EnvironmentPostProcessor {

	static final String PROPERTY = "backstory.log.format";

	static final String STRUCTURED = "logging.structured.format.console";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String format = environment.getProperty(PROPERTY, "plain").strip().toLowerCase(Locale.ROOT);
		switch (format) {
			case "json" -> environment.getPropertySources()
				.addLast(new MapPropertySource("backstoryLogFormat", Map.of(STRUCTURED, "ecs")));
			case "plain", "" -> {
			}
			default -> throw new StartRefused("BACKSTORY_LOG_FORMAT is \"" + format + "\", which is not a log format.",
					"Set it to json (one JSON object a line) or plain, or leave it out.");
		}
	}

}
