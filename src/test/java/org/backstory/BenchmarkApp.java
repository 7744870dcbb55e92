package org.backstory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole application for a benchmark (bench/): on a fresh database of the
 * embedded test server, a data directory the benchmark made and removes, a random port on
 * loopback, and quiet logs.
 */
public final class BenchmarkApp {

	private BenchmarkApp() {
	}

	/**
	 * @param database a database name no one used
	 * @param dataDir the data directory
	 * @param demo whether the demo publication is seeded
	 * @param more further command-line properties ({@code --name=value})
	 */
	public static ConfigurableApplicationContext start(String database, Path dataDir, boolean demo, String... more) {
		List<String> args = new ArrayList<>(List.of("--backstory.database.url=" + TestDatabase.url(database),
				"--backstory.database.username=" + TestDatabase.username(),
				"--backstory.database.password=" + TestDatabase.password(), "--backstory.data-dir=" + dataDir,
				"--backstory.demo=" + demo, "--server.port=0", "--server.address=127.0.0.1",
				"--logging.level.org.backstory=WARN", "--logging.level.com.github.kagkarlsson=WARN"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(BackstoryApplication.class).run(args.toArray(String[]::new));
	}

}
