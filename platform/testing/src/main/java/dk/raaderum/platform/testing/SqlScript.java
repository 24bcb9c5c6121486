package dk.raaderum.platform.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A SQL script with {@link String#format} placeholders that benchmarks load data with (e.g. followup-service's
 * {@code benchmark/initiatives.sql}): lines starting with {@code --} are dropped before formatting (so comments may
 * contain {@code %}), then the text is formatted and split into statements at each {@code ;} that ends a line.
 */
public final class SqlScript {

    private SqlScript() {
    }

    public static List<String> statements(String script, Object... arguments) {
        String code = script.lines().filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(code.formatted(arguments).split(";\\s*(\\n|$)")).map(String::strip)
                .filter(statement -> !statement.isEmpty()).toList();
    }

    /** Runs the statements in order on {@code connection}, in its current transaction mode. */
    public static void run(Connection connection, String script, Object... arguments) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            for (String statement : statements(script, arguments)) {
                sql.execute(statement);
            }
        }
    }
}
