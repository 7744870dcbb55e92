package org.backstory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Backstory: a self-hosted membership publishing platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BackstoryApplication {

	public static void main(String[] args) {
		if (BackupCommand.handles(args)) {
			System.exit(BackupCommand.run(args));
		}
		SpringApplication.run(BackstoryApplication.class, args);
	}

}
