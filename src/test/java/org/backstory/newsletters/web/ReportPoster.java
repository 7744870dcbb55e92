package org.backstory.newsletters.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;

/**
 * Posts delivery reports to the running app as a mail provider would: JSON with a bearer
 * secret.
 */
final class ReportPoster {

	private final HttpClient client = HttpClient.newHttpClient();

	private final URI endpoint;

	ReportPoster(int port) {
		this.endpoint = URI.create("http://127.0.0.1:" + port + "/webhooks/email");
	}

	HttpResponse<String> post(String json, @Nullable String secret) {
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (secret != null) {
			request.header("Authorization", "Bearer " + secret);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** One report as JSON. */
	static String report(String address, String type) {
		return "{\"address\": \"" + address + "\", \"type\": \"" + type + "\"}";
	}

}
