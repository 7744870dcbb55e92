package org.backstory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.springframework.core.io.ClassPathResource;

/**
 * A Ghost JavaScript client (the Content API's or the Admin API's) installed with npm
 * into a scratch directory under {@code target/} (kept between runs, so a second run does
 * not install again) and a script of the test's run against the app with node. Without
 * node and npm a test using it is skipped on a workstation and fails in CI
 * ({@code CI=true}), where they must be.
 *
 * @param directory the scratch directory
 */
record NodeClient(Path directory) {

	/**
	 * Installs {@code name@version} (unless it is there) next to the class-path script
	 * {@code script}.
	 */
	static NodeClient install(String name, String version, String script) throws IOException, InterruptedException {
		if (!available("node") || !available("npm")) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail("node and npm are needed in CI to run " + name);
			}
			Assumptions.abort("node and npm are not installed here");
		}
		Path directory = Path.of("target", name.replace("@", "").replace('/', '-') + "-client");
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("package.json"), "{\"private\": true}\n");
		try (InputStream in = new ClassPathResource(script).getInputStream()) {
			Files.write(directory.resolve("client.js"), in.readAllBytes());
		}
		Path installed = directory.resolve("node_modules/" + name + "/package.json");
		NodeClient client = new NodeClient(directory);
		if (!Files.exists(installed) || !Files.readString(installed).contains("\"version\": \"" + version + "\"")) {
			Result install = client.exec(
					List.of("npm", "install", "--no-audit", "--no-fund", "--no-save", name + "@" + version), Map.of(),
					300);
			assertThat(install.exit()).as("npm install " + name + ":\n" + install.output()).isZero();
		}
		return client;
	}

	/** Runs the script; what it printed last, which the script makes one line of JSON. */
	String run(Map<String, String> environment) throws IOException, InterruptedException {
		Result result = exec(List.of("node", "client.js"), environment, 120);
		assertThat(result.exit()).as("node client.js:\n" + result.output()).isZero();
		return result.output().strip().lines().reduce((a, b) -> b).orElse("");
	}

	private static boolean available(String command) throws InterruptedException {
		try {
			return new NodeClient(Path.of(".")).exec(List.of(command, "--version"), Map.of(), 30).exit() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private Result exec(List<String> command, Map<String, String> environment, int seconds)
			throws IOException, InterruptedException {
		Path log = Files.createTempFile("node-client", ".log");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Result(-1, "timed out after " + seconds + " s\n" + Files.readString(log));
			}
			return new Result(process.exitValue(), Files.readString(log));
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	private record Result(int exit, String output) {
	}

}
