package org.backstory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time used so far by this JVM and by the local PostgreSQL server a benchmark works
 * against, read from /proc: on a machine shared with other work, wall time says little,
 * and CPU time per unit of work says what it costs.
 *
 * @param jvmNanos this process's CPU time
 * @param postgresNanos the server's: its postmaster with every child it reaped, and its
 * live processes (backends, writers, autovacuum); -1 when the server is not on this
 * machine's /proc
 */
public record CpuTimes(long jvmNanos, long postgresNanos) {

	/** Kernel clock ticks per second, as /proc counts CPU time (USER_HZ). */
	private static final long TICKS_PER_SECOND = 100;

	/** Now, for this JVM and the server behind {@code jdbc}. */
	public static CpuTimes now(JdbcClient jdbc) {
		long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
		return new CpuTimes(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime(), postgresNanos(backend));
	}

	/** What was used from {@code earlier} to this. */
	public CpuTimes since(CpuTimes earlier) {
		return new CpuTimes(jvmNanos - earlier.jvmNanos,
				postgresNanos < 0 || earlier.postgresNanos < 0 ? -1 : postgresNanos - earlier.postgresNanos);
	}

	/** The machine's load average as /proc/loadavg gives it (1, 5, 15 minutes). */
	public static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static long postgresNanos(long backendPid) {
		try {
			long postmaster = Long.parseLong(stat(backendPid)[3]);
			String[] own = stat(postmaster);
			// utime, stime, and the reaped children's cutime, cstime
			long ticks = Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15])
					+ Long.parseLong(own[16]);
			try (Stream<ProcessHandle> children = ProcessHandle.of(postmaster)
				.map(ProcessHandle::descendants)
				.orElseGet(Stream::empty)) {
				ticks += children.mapToLong(child -> liveTicks(child.pid())).sum();
			}
			return ticks * (1_000_000_000L / TICKS_PER_SECOND);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static long liveTicks(long pid) {
		try {
			String[] fields = stat(pid);
			return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
		}
		catch (IOException | RuntimeException ex) {
			// ended meanwhile: its time is now its parent's
			return 0;
		}
	}

	/**
	 * The fields of /proc/PID/stat, numbered from 0 as proc(5) numbers them from 1; the
	 * command name (field 2) may hold spaces, so the rest is split after its ')'.
	 */
	private static String[] stat(long pid) throws IOException {
		String line = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
		String rest = line.substring(line.lastIndexOf(')') + 2);
		String[] after = rest.split(" ");
		String[] fields = new String[after.length + 2];
		fields[0] = String.valueOf(pid);
		fields[1] = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
		System.arraycopy(after, 0, fields, 2, after.length);
		return fields;
	}

}
