package org.backstory.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.backstory.BenchmarkApp;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The Content API benchmark (bench/content-api.sh): starts the app with the demo
 * publication on a fresh embedded database, creates a Content API key, checks that the
 * paid demo article answers its preview only, then loads
 * {@code posts/?limit=15&include=tags,authors} from C keep-alive connections that accept
 * gzip as browsers and Ghost's client do (plain sockets, so the load generator costs
 * little of the machine's CPU) and prints requests per second and the app's CPU time per
 * request. Not a test: timing lives in benchmarks.
 */
public final class ContentApiBenchmark {

	/**
	 * A sentence of the paid demo article's gated half
	 * (src/main/resources/demo/articles/02-port-anselm-summits.md).
	 */
	private static final String GATED = "The delegations ate lunch at separate tables";

	private ContentApiBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int connections = args.length > 0 ? Integer.parseInt(args[0]) : 32;
		int warmupSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 120;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
		boolean gzip = args.length <= 3 || Boolean.parseBoolean(args[3]);
		Path dataDir = Files.createTempDirectory("backstory-bench");
		try (ConfigurableApplicationContext app = BenchmarkApp.start("bench_content_api_" + System.currentTimeMillis(),
				dataDir, true)) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			String key = ContentApiFixtures.contentKey(app.getBean(Integrations.class), "benchmark");
			String path = "/ghost/api/content/posts/?key=" + key + "&limit=15&include=tags,authors";
			String answer = new Connection(port, false).get(path);
			if (!answer.contains("\"port-anselm-summits\"") || answer.contains(GATED)) {
				System.out.println("FAILED: the posts answer lacks the paid demo article or carries its gated text");
				System.exit(1);
			}
			String paid = new Connection(port, false)
				.get("/ghost/api/content/posts/slug/port-anselm-summits/?key=" + key);
			if (!paid.contains("\"access\":false") || paid.contains(GATED)) {
				System.out.println("FAILED: the paid demo article is not gated in the Content API");
				System.exit(1);
			}
			System.out.printf(Locale.ROOT, "answer: %d bytes; warming up %d s%n", answer.length(), warmupSeconds);
			load(port, path, connections, warmupSeconds, gzip);
			Result result = load(port, path, connections, seconds, gzip);
			System.out.printf(Locale.ROOT,
					"RESULT gzip=%s requests=%d errors=%d seconds=%d connections=%d requests_per_second=%.0f "
							+ "app_cpu_us_per_request=%.0f requests_per_second_per_idle_core=%.0f%n",
					gzip, result.requests(), result.errors(), seconds, connections,
					result.requests() / (double) seconds, result.cpuMicrosPerRequest(),
					1e6 / result.cpuMicrosPerRequest());
			if (result.errors() > 0) {
				System.out.println("FAILED: some answers were not 200");
				System.exit(1);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	private static Result load(int port, String path, int connections, int seconds, boolean gzip)
			throws InterruptedException {
		LongAdder requests = new LongAdder();
		LongAdder errors = new LongAdder();
		LongAdder loadCpuNanos = new LongAdder();
		long processCpuBefore = processCpuNanos();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			Thread thread = new Thread(() -> {
				try (Connection connection = new Connection(port, gzip)) {
					while (running.get()) {
						if (connection.status(path) == 200) {
							requests.increment();
						}
						else {
							errors.increment();
						}
					}
				}
				catch (IOException ex) {
					errors.increment();
				}
				loadCpuNanos.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
			});
			thread.start();
			threads.add(thread);
		}
		Thread.sleep(seconds * 1000L);
		running.set(false);
		for (Thread thread : threads) {
			thread.join();
		}
		long appCpuNanos = processCpuNanos() - processCpuBefore - loadCpuNanos.sum();
		return new Result(requests.sum(), errors.sum(), appCpuNanos);
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * @param appCpuNanos CPU time the app spent (the process's, less the load threads'):
	 * on a machine shared with other work, requests per second undersell the app, and CPU
	 * time per request says what it costs
	 */
	private record Result(long requests, long errors, long appCpuNanos) {

		double cpuMicrosPerRequest() {
			return appCpuNanos / 1000.0 / Math.max(1, requests);
		}

	}

	/**
	 * One keep-alive HTTP/1.1 connection that reads answers by their Content-Length, and
	 * opens a new socket when the server closes one (Tomcat does after 100 requests, as
	 * browsers and wrk see too).
	 */
	private static final class Connection implements AutoCloseable {

		private final int port;

		private Socket socket;

		private OutputStream out;

		private InputStream in;

		private final String encoding;

		private byte[] body = new byte[0];

		/**
		 * @param gzip whether to accept gzip, as browsers and Ghost's client do
		 */
		Connection(int port, boolean gzip) throws IOException {
			this.port = port;
			this.encoding = gzip ? "Accept-Encoding: gzip\r\n" : "";
			open();
		}

		private void open() throws IOException {
			socket = new Socket("127.0.0.1", port);
			socket.setTcpNoDelay(true);
			out = socket.getOutputStream();
			in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
		}

		String get(String path) throws IOException {
			status(path);
			return new String(body, StandardCharsets.UTF_8);
		}

		int status(String path) throws IOException {
			out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Version: v5.0\r\n" + encoding + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String head = head();
			int status = Integer.parseInt(head.substring(9, 12));
			int length = -1;
			for (String line : head.split("\r\n")) {
				if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
					length = Integer.parseInt(line.substring(15).strip());
				}
			}
			if (length < 0) {
				throw new IOException("an answer without Content-Length: " + head);
			}
			body = in.readNBytes(length);
			if (head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close")) {
				socket.close();
				open();
			}
			return status;
		}

		private String head() throws IOException {
			StringBuilder head = new StringBuilder();
			int c;
			while ((c = in.read()) != -1) {
				head.append((char) c);
				int n = head.length();
				if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n') {
					return head.toString();
				}
			}
			throw new IOException("the connection closed");
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}

	}

}
