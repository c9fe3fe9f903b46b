package dev.omnichannel.e2e.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Searches every table of every database of the stack's PostgreSQL cluster (each service's, their
 * test databases, Keycloak's, {@code postgres}) for texts: a row is counted when its whole text
 * ({@code t::text}, every column) contains one of them, ignoring case. Each database is read as its
 * owner (./omni makes one role per service, password = name); a database owned by {@code postgres}
 * is read as a service role. {@code omni.postgres-user}/{@code omni.postgres-password} read them all
 * as one role instead (a superuser, on another cluster).
 */
public final class EveryDatabase {

    private static final String SERVER = System.getProperty("omni.postgres-jdbc", "jdbc:postgresql://127.0.0.1:15432/");
    private static final String USER = System.getProperty("omni.postgres-user");
    private static final String PASSWORD = System.getProperty("omni.postgres-password");
    /** The role that lists the databases, and reads those the superuser owns. */
    private static final String SOME_ROLE = "customer";

    /**
     * A table holding rows with the texts.
     *
     * @param table  {@code database.schema.table}
     * @param rows   rows containing at least one of the texts; -1 when the table could not be read
     * @param byText rows per text (by its label) that it contains
     */
    public record Finding(String table, long rows, Map<String, Long> byText, String error) {

        @Override
        public String toString() {
            if (error != null) {
                return table + ": cannot be searched (" + error + ")";
            }
            return table + ": " + rows + " " + byText.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    private EveryDatabase() {
    }

    /**
     * The tables, in every database, with rows that contain one of {@code texts} (label → text), and
     * those that could not be searched; a database that cannot be searched at all is one finding too.
     */
    public static List<Finding> rowsContaining(Map<String, String> texts) {
        return rowsContaining(texts, null);
    }

    /** The same, in the tables called {@code tableName} (whatever their database and schema) only. */
    public static List<Finding> rowsContaining(Map<String, String> texts, String tableName) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, String> database : databases().entrySet()) {
            String name = database.getKey();
            try (Connection connection = connect(name, database.getValue())) {
                for (String table : tables(connection, tableName)) {
                    Finding finding = search(connection, name, table, texts);
                    if (finding.rows() != 0) {
                        findings.add(finding);
                    }
                }
            } catch (SQLException e) {
                findings.add(new Finding(name + ".*", -1, Map.of(), e.getMessage()));
            }
        }
        return findings;
    }

    /** Every database of the cluster but the templates, with its owner. */
    public static Map<String, String> databases() {
        Map<String, String> owners = new LinkedHashMap<>();
        try (Connection connection = connect("postgres", SOME_ROLE);
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT datname, pg_get_userbyid(datdba) FROM pg_database
                        WHERE NOT datistemplate AND datallowconn ORDER BY datname""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the databases at " + SERVER, e);
        }
        return owners;
    }

    /** The ordinary tables and materialized views of every schema but the system's, quoted: {@code "schema"."table"}. */
    private static List<String> tables(Connection connection, String tableName) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
                  AND (CAST(? AS text) IS NULL OR c.relname = ?)
                ORDER BY 1""")) {
            statement.setString(1, tableName);
            statement.setString(2, tableName);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    private static Finding search(Connection connection, String database, String table, Map<String, String> texts) {
        List<String> labels = List.copyOf(texts.keySet());
        String contains = "strpos(lower(t::text), lower(?)) > 0";
        StringBuilder sql = new StringBuilder("SELECT count(*) FILTER (WHERE ")
                .append(String.join(" OR ", labels.stream().map(label -> contains).toList())).append(")");
        labels.forEach(label -> sql.append(", count(*) FILTER (WHERE ").append(contains).append(")"));
        sql.append(" FROM ").append(table).append(" t");
        String where = database + "." + table.replace("\"", "");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (String label : labels) {
                statement.setString(parameter++, texts.get(label));
            }
            for (String label : labels) {
                statement.setString(parameter++, texts.get(label));
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                Map<String, Long> byText = new LinkedHashMap<>();
                for (int i = 0; i < labels.size(); i++) {
                    byText.put(labels.get(i), row.getLong(i + 2));
                }
                return new Finding(where, row.getLong(1), byText, null);
            }
        } catch (SQLException e) {
            return new Finding(where, -1, Map.of(), e.getMessage());
        }
    }

    private static Connection connect(String database, String owner) throws SQLException {
        if (USER != null) {
            return DriverManager.getConnection(SERVER + database, USER, PASSWORD);
        }
        String role = "postgres".equals(owner) ? SOME_ROLE : owner;
        return DriverManager.getConnection(SERVER + database, role, role);
    }
}
