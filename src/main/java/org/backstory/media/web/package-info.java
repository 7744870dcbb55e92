/**
 * The media module's HTTP side: the upload endpoint for the editor and the public copies
 * under {@code /media}.
 */
@NullMarked
package org.backstory.media.web;

import org.jspecify.annotations.NullMarked;
