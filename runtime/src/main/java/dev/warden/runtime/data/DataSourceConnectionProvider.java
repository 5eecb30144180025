package dev.warden.runtime.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/** {@link ConnectionProvider#of(DataSource)}: a connection of Warden's own for each operation. */
final class DataSourceConnectionProvider implements ConnectionProvider {
    private final DataSource dataSource;

    DataSourceConnectionProvider(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Connection acquire() throws SQLException {
        return dataSource.getConnection();
    }

    /** Never: every connection is Warden's own. */
    @Override
    public boolean inCallerTransaction(Connection connection) {
        return false;
    }

    @Override
    public void release(Connection connection) throws SQLException {
        connection.close();
    }

    /** Not called: there is no caller's transaction. */
    @Override
    public void setRollbackOnly(Connection connection) {
        throw new IllegalStateException("A connection of Warden's own is in no caller's transaction");
    }

    /** Names the data source's class only: a data source's own {@code toString} may show its URL and user. */
    @Override
    public String toString() {
        return "ConnectionProvider[" + dataSource.getClass().getName() + "]";
    }
}
