package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ResponseBufferFilterTests {

	@Test
	void buffersAWholePageBeforeTheSessionFilterSeesTheResponse() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setBufferSize(8192);

		new SessionStoreConfiguration.ResponseBufferFilter().doFilter(new MockHttpServletRequest("GET", "/p/x"),
				response, new MockFilterChain());

		assertThat(response.getBufferSize()).isEqualTo(SessionStoreConfiguration.RESPONSE_BUFFER_BYTES);
	}

}
