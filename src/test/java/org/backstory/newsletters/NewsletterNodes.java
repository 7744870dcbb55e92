package org.backstory.newsletters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.backstory.BackstoryApplication;
import org.backstory.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Application nodes for the cluster and crash tests: each a whole Backstory on one shared
 * database and one SMTP server, started in this JVM or as a JVM process of its own (to be
 * killed).
 */
final class NewsletterNodes {

	private final String database;

	private final int smtpPort;

	NewsletterNodes(String database, int smtpPort) {
		this.database = database;
		this.smtpPort = smtpPort;
	}

	/** A node in this JVM. */
	ConfigurableApplicationContext start(String name, int connections) {
		return new SpringApplicationBuilder(BackstoryApplication.class)
			.run(arguments(name, connections).toArray(String[]::new));
	}

	/** A node in a JVM process of its own, its output in {@code target/<name>.log}. */
	Process startProcess(String name, int connections) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx512m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(BackstoryApplication.class.getName());
		command.addAll(arguments(name, connections));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Path.of("target", name + ".log").toFile())
			.start();
	}

	private List<String> arguments(String name, int connections) {
		try {
			return List.of("--backstory.database.url=" + TestDatabase.url(database) + "&ApplicationName=" + name,
					"--backstory.database.username=" + TestDatabase.username(),
					"--backstory.database.password=" + TestDatabase.password(),
					"--backstory.data-dir=" + Files.createTempDirectory("backstory-" + name), "--backstory.demo=false",
					"--server.port=0", "--backstory.mail.host=127.0.0.1", "--backstory.mail.port=" + smtpPort,
					"--backstory.mail.starttls=false", "--backstory.newsletters.connections=" + connections,
					"--backstory.newsletters.idle-poll=200ms", "--backstory.newsletters.lease=5s",
					"--db-scheduler.polling-interval=1s", "--db-scheduler.shutdown-max-wait=2s",
					"--logging.level.org.backstory.newsletters=WARN");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
