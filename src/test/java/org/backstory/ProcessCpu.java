package org.backstory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM and, separately, of a PostgreSQL server on this machine (its
 * postmaster and every backend), read from the kernel; and the machine's load average.
 * Benchmarks report CPU per unit of work beside throughput, because other work on a
 * shared machine changes the throughput but hardly the CPU each unit costs.
 *
 * @param jvmNanos CPU time of this JVM
 * @param postgresNanos CPU time of the PostgreSQL server's live processes
 */
public record ProcessCpu(long jvmNanos, long postgresNanos) {

	private static final long NANOS_PER_TICK = 10_000_000L;

	/**
	 * The CPU used so far.
	 * @param postgresBackend the process id of one backend of the server
	 * ({@code select pg_backend_pid()}); its parent is the server's postmaster
	 */
	public static ProcessCpu now(long postgresBackend) {
		long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		long postgres = ProcessHandle.of(postgresBackend)
			.flatMap(ProcessHandle::parent)
			.map(postmaster -> ticks(postmaster) + postmaster.descendants().mapToLong(ProcessCpu::ticks).sum())
			.orElse(0L);
		return new ProcessCpu(jvm, postgres * NANOS_PER_TICK);
	}

	/** The CPU used between {@code earlier} and this. */
	public ProcessCpu since(ProcessCpu earlier) {
		return new ProcessCpu(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos);
	}

	/** The 1, 5 and 15 minute load averages, as the kernel gives them. */
	public static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/**
	 * User and system time of a live process in clock ticks (utime and stime of
	 * /proc/pid/stat; 100 a second on Linux); 0 once it is gone.
	 */
	private static long ticks(ProcessHandle process) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
			// The command name (field 2) may hold spaces; the fields after it do not.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
