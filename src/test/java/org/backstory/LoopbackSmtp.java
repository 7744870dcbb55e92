package org.backstory;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/** SMTP servers for tests, on 127.0.0.1 and a port nobody else uses. */
public final class LoopbackSmtp {

	private LoopbackSmtp() {
	}

	/** A GreenMail SMTP server, not yet started, on a free loopback port. */
	public static GreenMail greenMail() {
		return new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	/**
	 * Starts {@code smtp} and points the application's outgoing mail at it: 127.0.0.1,
	 * its port, no STARTTLS.
	 */
	public static void routeMailTo(GreenMail smtp, DynamicPropertyRegistry registry) {
		smtp.start();
		routeMailTo(() -> smtp.getSmtp().getPort(), registry);
	}

	/** Points the application's outgoing mail at a plain SMTP server on 127.0.0.1. */
	public static void routeMailTo(Supplier<Object> port, DynamicPropertyRegistry registry) {
		registry.add("backstory.mail.host", () -> "127.0.0.1");
		registry.add("backstory.mail.port", port);
		registry.add("backstory.mail.starttls", () -> "false");
	}

	/** A port no server listens on at the moment. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
