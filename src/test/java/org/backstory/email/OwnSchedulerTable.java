package org.backstory.email;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.backstory.TestDatabase;

/**
 * A db-scheduler table of its own for a test context with a different mail transport.
 * Every cached test context runs a scheduler on the shared database; with a table of its
 * own, this context's delivery tasks run in this context, through its transport, and not
 * in another one.
 */
public final class OwnSchedulerTable {

	private OwnSchedulerTable() {
	}

	/**
	 * Creates (once) schema {@code schema} with an empty scheduler table; returns the
	 * table's name.
	 */
	public static String create(String schema) {
		try (Connection connection = DriverManager.getConnection(TestDatabase.url(), TestDatabase.username(),
				TestDatabase.password()); Statement statement = connection.createStatement()) {
			statement.execute("create schema if not exists " + schema);
			statement.execute("""
					create table if not exists %s.scheduled_tasks (
					    task_name text not null, task_instance text not null, task_data bytea,
					    execution_time timestamptz not null, picked boolean not null, picked_by text,
					    last_success timestamptz, last_failure timestamptz, consecutive_failures int,
					    last_heartbeat timestamptz, version bigint not null, priority smallint,
					    primary key (task_name, task_instance))""".formatted(schema));
			return schema + ".scheduled_tasks";
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
