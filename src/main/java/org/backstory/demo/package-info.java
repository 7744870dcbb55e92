/**
 * Demo: seeds the demo publication ("The Undercurrent": writers, tags, a storyline,
 * articles of every visibility) and the demo accounts into an empty database, through the
 * other modules' public APIs. The content lives under {@code src/main/resources/demo/}.
 */
@ApplicationModule(allowedDependencies = { "shared", "members", "billing", "publishing", "newsletters" })
@NullMarked
package org.backstory.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
