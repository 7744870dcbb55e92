package org.backstory.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off. SMTP is a chain of small writes each waiting
 * for a reply; with Nagle on, the last small write of a message (the final dot) waits for
 * the server's delayed ACK, about 40 ms per message, which capped a kept-open connection
 * at some 25 messages per second.
 */
final class NoDelaySocketFactory extends SocketFactory {

	@Override
	public Socket createSocket() throws IOException {
		return noDelay(new Socket());
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return noDelay(new Socket(host, port, localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return noDelay(new Socket(address, port, localAddress, localPort));
	}

	private static Socket noDelay(Socket socket) throws IOException {
		socket.setTcpNoDelay(true);
		return socket;
	}

}
