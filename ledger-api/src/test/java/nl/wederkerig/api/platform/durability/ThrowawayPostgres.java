package nl.wederkerig.api.platform.durability;

import nl.wederkerig.api.support.PostgresDatabase;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;

/**
 * A PostgreSQL 15 cluster of a storage-fault test's own, its data directory (WAL included) on a
 * small tmpfs the test mounts, on a free port of 127.0.0.1 with trust authentication: the shared
 * server is never made to run out of space. PostgreSQL refuses to run as root, so {@code initdb} and
 * {@code pg_ctl} run as the {@code postgres} user ({@code runuser}); {@link #start} says why not when
 * anything of that is missing (no root for {@code mount}, no PostgreSQL 15), so the test can skip.
 */
final class ThrowawayPostgres implements AutoCloseable {

    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    static final String OS_USER = "postgres";

    final Path root;
    final Path mount;
    final Path log;
    final int port;

    private ThrowawayPostgres(Path root, int port) {
        this.root = root;
        this.mount = root.resolve("disk");
        this.log = root.resolve("postgres.log");
        this.port = port;
    }

    /** Why it cannot start here, or null when it started. */
    record Started(ThrowawayPostgres cluster, String whyNot) {
    }

    static Started start(String tmpfsSize) throws IOException, InterruptedException {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            return new Started(null, "PostgreSQL 15 is not installed in " + BIN);
        }
        // Not under the test's own @TempDir: the postgres user must be able to reach the data directory.
        Path root = Files.createTempDirectory("wk-pgdisk-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        ThrowawayPostgres cluster = new ThrowawayPostgres(root, freePort());
        Files.createDirectories(cluster.mount);
        if (StorageFaultClients.run("mount", "-t", "tmpfs", "-o", "size=" + tmpfsSize + ",mode=0700,uid=" + uid() + ",gid=" + gid(),
                "tmpfs", cluster.mount.toString()) != 0) {
            Files.delete(cluster.mount);
            Files.delete(root);
            return new Started(null, "mounting a tmpfs needs root; this test runs where it can (developers' machines, CI)");
        }
        StorageFaultClients.run("chown", OS_USER, root.toString());
        String initdb = StorageFaultClients.output("runuser", "-u", OS_USER, "--", BIN.resolve("initdb").toString(),
                "-D", cluster.data().toString(), "-A", "trust", "-U", "postgres", "--no-sync", "--wal-segsize=1",
                "-E", "UTF8", "--locale=C.UTF-8");
        if (!Files.exists(cluster.data().resolve("PG_VERSION"))) {
            cluster.close();
            return new Started(null, "initdb as " + OS_USER + " failed: " + initdb);
        }
        // Small WAL segments and a small max_wal_size: the disk fills with data and WAL alike, as on a real small disk.
        int started = StorageFaultClients.run("runuser", "-u", OS_USER, "--", BIN.resolve("pg_ctl").toString(),
                "-D", cluster.data().toString(), "-l", cluster.log.toString(), "-w", "-t", "60", "-o",
                "-p " + cluster.port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + root
                        + " -c max_wal_size=32MB -c min_wal_size=2MB -c max_connections=40", "start");
        if (started != 0) {
            String why = "pg_ctl start failed: " + (Files.exists(cluster.log) ? Files.readString(cluster.log) : "");
            cluster.close();
            throw new IllegalStateException(why);
        }
        return new Started(cluster, null);
    }

    Path data() {
        return mount.resolve("pg");
    }

    String server() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    PostgresDatabase newDatabase() throws SQLException {
        return PostgresDatabase.on(server(), null);
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Stops the server at once (nothing of it is kept) and removes the disk. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (Files.exists(data().resolve("postmaster.pid"))) {
            StorageFaultClients.run("runuser", "-u", OS_USER, "--", BIN.resolve("pg_ctl").toString(),
                    "-D", data().toString(), "-m", "immediate", "-w", "stop");
        }
        StorageFaultClients.run("umount", "-l", mount.toString());
        StorageFaultClients.run("rm", "-rf", root.toString());
    }

    private static String uid() throws InterruptedException {
        return StorageFaultClients.output("id", "-u", OS_USER).trim();
    }

    private static String gid() throws InterruptedException {
        return StorageFaultClients.output("id", "-g", OS_USER).trim();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
