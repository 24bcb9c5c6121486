package dk.raaderum.systemtest;

import dk.raaderum.devstack.LocalStack;
import dk.raaderum.platform.infra.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A service's database in the shared stack, read and written directly as PostgreSQL's superuser. */
final class Databases {

    private Databases() {
    }

    static Connection connect(LocalStack stack, String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), PostgresServer.SUPERUSER, "");
    }
}
