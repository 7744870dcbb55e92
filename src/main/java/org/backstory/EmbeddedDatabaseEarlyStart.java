package org.backstory;

import org.backstory.shared.BackstoryProperties;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded PostgreSQL as soon as the application context is prepared (its
 * environment final, before the refresh), on a thread of its own, so that the server
 * starts while Spring builds the context rather than after, when the DataSource is first
 * asked for: the two used to take turns, and starting the server is mostly waiting for
 * another process. {@link DatabaseConfiguration} takes the started server; a context that
 * fails before that stops it with its other beans. Only the site's own context starts it
 * (not the backup and restore commands, which read their settings through a context of
 * their own and need the data directory as it is), and only when no external database is
 * configured.
 */
public class EmbeddedDatabaseEarlyStart implements ApplicationListener<ApplicationPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		if (!event.getSpringApplication().getAllSources().contains(BackstoryApplication.class)) {
			return;
		}
		ConfigurableApplicationContext context = event.getApplicationContext();
		Binder binder = Binder.get(context.getEnvironment());
		if (!binder.bindOrCreate("backstory.database", DatabaseProperties.class).embedded()
				|| !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)) {
			return;
		}
		EmbeddedDatabaseLaunch launch = EmbeddedDatabaseLaunch
			.begin(binder.bindOrCreate("backstory", BackstoryProperties.class).dataDir());
		beans.registerSingleton(EmbeddedDatabaseLaunch.BEAN_NAME, launch);
		beans.registerDisposableBean(EmbeddedDatabaseLaunch.BEAN_NAME, launch);
	}

}
