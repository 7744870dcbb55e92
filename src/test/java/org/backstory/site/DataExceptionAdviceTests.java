package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which database refusals are the request's fault (400) and which stay server errors. */
class DataExceptionAdviceTests {

	private final DataExceptionAdvice advice = new DataExceptionAdvice();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void aValueTooLongForItsColumnIsABadRequest() throws Exception {
		advice.refuse(refused("22001"), new MockHttpServletRequest("POST", "/admin/tags"), response);

		assertThat(response.getStatus()).isEqualTo(400);
	}

	@Test
	void aNumberOutOfRangeIsABadRequest() throws Exception {
		advice.refuse(refused("22003"), new MockHttpServletRequest("GET", "/admin/articles"), response);

		assertThat(response.getStatus()).isEqualTo(400);
	}

	@Test
	void aDuplicateKeyStaysAServerError() {
		DataIntegrityViolationException duplicate = refused("23505");

		assertThatThrownBy(() -> advice.refuse(duplicate, new MockHttpServletRequest("POST", "/signup"), response))
			.isSameAs(duplicate);
	}

	private static DataIntegrityViolationException refused(String sqlState) {
		return new DataIntegrityViolationException("refused", new SQLException("refused", sqlState));
	}

}
