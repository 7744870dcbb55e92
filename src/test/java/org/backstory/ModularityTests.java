package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries declared in each package-info hold. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(BackstoryApplication.class);

	@Test
	void modulesRespectTheirDeclaredDependencies() {
		modules.verify();
	}

	@Test
	void writesADiagramOfAllModulesAndOneOfEach(@TempDir Path folder) throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();

		String all = Files.readString(folder.resolve("components.puml"));
		try (Stream<Path> written = Files.list(folder)) {
			assertThat(written.map(path -> path.getFileName().toString()))
				.containsAll(modules.stream().map(module -> "module-" + module.getIdentifier() + ".puml").toList());
		}
		assertThat(modules.stream().map(ApplicationModule::getDisplayName))
			.allSatisfy(name -> assertThat(all).contains(name));
	}

}
