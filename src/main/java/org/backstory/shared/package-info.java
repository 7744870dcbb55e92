/**
 * The small shared kernel every module may use: app-wide settings, the clock, CSV and
 * zone-less dates ({@link org.backstory.shared.UtcDates}) as importers read them, every
 * form in which Backstory writes a date ({@link org.backstory.shared.Dates}), and the
 * page chrome that every reader page is framed with. No services and no tables live here.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.backstory.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
