package dk.raaderum.ideabank.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement built from parts with its parameters in order, bound by type: text, whole numbers, booleans and
 * arrays of text ({@code String[]}) or integers ({@code Integer[]}), so an array is one parameter ({@code = any(?)},
 * {@code && ?}) however many values it holds.
 */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    Sql append(String part, Object... values) {
        text.append(part);
        parameters.addAll(List.of(values));
        return this;
    }

    /** Appends another statement's text and parameters. */
    Sql append(Sql other) {
        text.append(other.text);
        parameters.addAll(other.parameters);
        return this;
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < parameters.size(); i++) {
            bind(connection, statement, i + 1, parameters.get(i));
        }
        return statement;
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, Object value)
            throws SQLException {
        if (value instanceof String[] texts) {
            statement.setArray(index, connection.createArrayOf("text", texts));
        } else if (value instanceof Integer[] numbers) {
            statement.setArray(index, connection.createArrayOf("int4", numbers));
        } else if (value instanceof Long[] numbers) {
            statement.setArray(index, connection.createArrayOf("int8", numbers));
        } else {
            statement.setObject(index, value);
        }
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
