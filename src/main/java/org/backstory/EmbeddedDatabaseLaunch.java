package org.backstory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

/**
 * An embedded PostgreSQL being started in the background
 * ({@link EmbeddedDatabaseEarlyStart}). Whoever {@linkplain #take() takes} it owns the
 * server and stops it; one never taken is stopped when the context's beans are destroyed.
 */
final class EmbeddedDatabaseLaunch implements DisposableBean {

	static final String BEAN_NAME = "embeddedDatabaseLaunch";

	private final CompletableFuture<EmbeddedDatabase> server;

	private final AtomicBoolean taken = new AtomicBoolean();

	private EmbeddedDatabaseLaunch(CompletableFuture<EmbeddedDatabase> server) {
		this.server = server;
	}

	static EmbeddedDatabaseLaunch begin(Path dataDir) {
		return new EmbeddedDatabaseLaunch(CompletableFuture.supplyAsync(() -> {
			try {
				return DatabaseConfiguration.startEmbedded(dataDir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, EmbeddedDatabaseLaunch::onOwnThread));
	}

	/** Waits for the server to be up and hands it over; once only. */
	EmbeddedDatabase take() throws IOException {
		if (taken.getAndSet(true)) {
			throw new IllegalStateException("the embedded database was taken already");
		}
		try {
			return server.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof UncheckedIOException io) {
				throw io.getCause();
			}
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
		}
	}

	@Override
	public void destroy() throws IOException {
		if (taken.getAndSet(true)) {
			return;
		}
		@Nullable EmbeddedDatabase started = server.handle((database, failure) -> database).join();
		if (started != null) {
			started.close();
		}
	}

	private static void onOwnThread(Runnable task) {
		Thread thread = new Thread(task, "embedded-postgres-start");
		thread.setDaemon(true);
		thread.start();
	}

}
