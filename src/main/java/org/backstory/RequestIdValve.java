package org.backstory;

import java.io.IOException;
import java.util.function.Predicate;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.backstory.shared.web.RequestIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Gives every request its id ({@link RequestIds}) before anything else runs, so the
 * access to the app, its log lines and the error page Tomcat forwards to all carry it. It
 * sits before the forwarded-header valve, where the connection's own peer is still known:
 * an {@code X-Request-Id} is believed from a {@link TrustedProxies trusted proxy} only.
 * Per request: one header read, one 16-character string when the app makes the id, a
 * request attribute, a response header and an MDC entry; no lock, no I/O.
 */
final class RequestIdValve extends ValveBase {

	private final Predicate<String> trustedPeer;

	RequestIdValve(Predicate<String> trustedPeer) {
		super(true);
		this.trustedPeer = trustedPeer;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		String id = chooseId(request.getHeader(RequestIds.HEADER), request.getRemoteAddr());
		request.setAttribute(RequestIds.ATTRIBUTE, id);
		response.setHeader(RequestIds.HEADER, id);
		MDC.put(RequestIds.MDC_KEY, id);
		try {
			getNext().invoke(request, response);
		}
		finally {
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

	/**
	 * The proxy's id when it is valid and comes from a trusted proxy, else a new one.
	 */
	String chooseId(@Nullable String offered, String peer) {
		return RequestIds.valid(offered) && trustedPeer.test(peer) ? offered : RequestIds.generate();
	}

}
