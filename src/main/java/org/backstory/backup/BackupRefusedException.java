package org.backstory.backup;

/**
 * A backup or restore that was refused before it changed anything (or, for a restore,
 * before it loaded any data): the message is one sentence for the person who ran it.
 */
public class BackupRefusedException extends RuntimeException {

	public BackupRefusedException(String message) {
		super(message);
	}

	public BackupRefusedException(String message, Throwable cause) {
		super(message, cause);
	}

}
