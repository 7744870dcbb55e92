package org.backstory.api.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusal two simultaneous writes of one unique value meet cannot be provoked over
 * HTTP without a race, so the handler is called as the advice would call it.
 */
class AdminApiErrorsTests {

	@Test
	void aUniqueValueTakenAtTheSameMomentIsAGhostValidationErrorWithoutTheDatabaseMessage() {
		DuplicateKeyException race = new DuplicateKeyException("insert",
				new SQLException("duplicate key value violates unique constraint \"member_email_key\""));

		ResponseEntity<Map<String, Object>> answer = new AdminApiErrors().taken(race);

		assertThat(answer.getStatusCode().value()).isEqualTo(422);
		Map<?, ?> error = (Map<?, ?>) ((List<?>) answer.getBody().get("errors")).get(0);
		assertThat(error.get("type")).isEqualTo("ValidationError");
		assertThat(error.get("context"))
			.isEqualTo("A value that must be unique was taken at the same moment; try again.");
		assertThat(answer.getBody().toString()).doesNotContain("member_email_key");
	}

}
