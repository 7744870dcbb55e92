package org.backstory.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender against a real receiver on loopback: refused by default, delivered where
 * allowed.
 */
class HookSenderTests {

	private final WebhookReceiver receiver = WebhookReceiver.start();

	private final HookSender selfHosted = new HookSender(new TargetAddresses(List.of("127.0.0.1/32")), "test");

	@AfterEach
	void stop() {
		receiver.close();
	}

	@Test
	void byDefaultNothingIsSentToLoopback() {
		HookSender defaults = new HookSender(TargetAddresses.publicOnly(), "test");

		HookSender.Outcome outcome = defaults.send(TargetUrl.parse(receiver.url("/hook")), "{}", Map.of());

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.code()).isNull();
		assertThat(outcome.error()).startsWith("Not sent: 127.0.0.1 resolves to 127.0.0.1 is a loopback address");
		assertThat(receiver.received()).isEmpty();
	}

	@Test
	void aNameIsJudgedByTheAddressItResolvesTo() {
		HookSender defaults = new HookSender(TargetAddresses.publicOnly(), "test");

		HookSender.Outcome outcome = defaults.send(TargetUrl.parse("http://localhost:" + receiver.port() + "/hook"),
				"{}", Map.of());

		assertThat(outcome.error()).startsWith("Not sent: localhost resolves to ").contains("loopback");
		assertThat(receiver.received()).isEmpty();
	}

	@Test
	void anAllowedNetworkReceivesTheBodyAndHeaders() {
		HookSender.Outcome outcome = selfHosted.send(TargetUrl.parse(receiver.url("/hook?x=1")), "{\"a\":\"é\"}",
				Map.of("Content-Type", "application/json"));

		assertThat(outcome.delivered()).isTrue();
		assertThat(outcome.code()).isEqualTo(200);
		WebhookReceiver.Received request = receiver.received().get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/hook?x=1");
		assertThat(request.body()).isEqualTo("{\"a\":\"é\"}");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + receiver.port());
	}

	@Test
	void aRedirectIsNotFollowed() {
		receiver.answer(302);

		HookSender.Outcome outcome = selfHosted.send(TargetUrl.parse(receiver.url("/hook")), "{}", Map.of());

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.code()).isEqualTo(302);
		assertThat(receiver.received()).extracting(WebhookReceiver.Received::path).containsExactly("/hook");
	}

	@Test
	void aGoneAnswerIsReported() {
		receiver.answer(410);

		HookSender.Outcome outcome = selfHosted.send(TargetUrl.parse(receiver.url("/hook")), "{}", Map.of());

		assertThat(outcome.gone()).isTrue();
		assertThat(outcome.delivered()).isFalse();
	}

	@Test
	void aReceiverThatNeverAnswersTimesOut() throws IOException {
		try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			HookSender.Outcome outcome = selfHosted
				.send(TargetUrl.parse("http://127.0.0.1:" + silent.getLocalPort() + "/"), "{}", Map.of());

			assertThat(outcome.code()).isNull();
			assertThat(outcome.error()).isEqualTo("No answer within 2 s.");
		}
	}

	@Test
	void aClosedPortIsAFailedAttempt() throws IOException {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}

		HookSender.Outcome outcome = selfHosted.send(TargetUrl.parse("http://127.0.0.1:" + port + "/"), "{}", Map.of());

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.error()).contains("Connect");
	}

	@Test
	void aReceiverThatHangsUpWithoutAnswerIsAFailedAttempt() throws Exception {
		try (ServerSocket rude = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread hangUp = new Thread(() -> {
				try (Socket socket = rude.accept()) {
					socket.getInputStream().read();
				}
				catch (IOException ex) {
					// the test sees the outcome
				}
			});
			hangUp.start();

			HookSender.Outcome outcome = selfHosted
				.send(TargetUrl.parse("http://127.0.0.1:" + rude.getLocalPort() + "/"), "{}", Map.of());
			hangUp.join();

			assertThat(outcome.error()).contains("closed the connection without an HTTP answer");
		}
	}

}
