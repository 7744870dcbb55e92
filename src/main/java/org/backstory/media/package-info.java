/**
 * Media: images staff upload for articles (inline and covers). Each upload is sniffed,
 * checked for absurd dimensions before it is decoded, and stored under
 * {@code <dataDir>/media}: the original as uploaded (never served) and metadata-free
 * copies 480, 960 and 1600 pixels wide (never upscaled) that readers get at
 * {@code /media/<yyyy>/<mm>/<name>-<width>.<jpg|png>}. The width in a copy's name tells
 * which smaller copies exist, so a page can build a {@code srcset} from the address alone
 * (publishing does, without depending on this module).
 */
@ApplicationModule(allowedDependencies = { "shared" })
@NullMarked
package org.backstory.media;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
