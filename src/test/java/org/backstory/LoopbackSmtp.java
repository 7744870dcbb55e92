package org.backstory;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** SMTP servers for tests, on 127.0.0.1 and a port nobody else uses. */
public final class LoopbackSmtp {

	private LoopbackSmtp() {
	}

	/** A GreenMail SMTP server, not yet started, on a free loopback port. */
	public static GreenMail greenMail() {
		return new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
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
