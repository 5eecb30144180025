package com.acme.sales;

import dev.warden.runtime.Operations;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.CallerTransaction;
import dev.warden.runtime.data.Query;
import dev.warden.runtime.data.Query.Direction;
import dev.warden.runtime.data.Query.Op;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.postgres.PolicyConnections;
import dev.warden.runtime.postgres.PolicyConnections.Filter;
import dev.warden.runtime.postgres.PolicySettings;
import dev.warden.runtime.postgres.RowLevelSecurity;
import dev.warden.runtime.sql.Dialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Not in the README: the variables its statements use, as parameters. */
class Usage {
    void scope(List<Order> orders, Order order) {
        // README: scope
    }

    void generalization(SecurityContext ctx, Secret secret) {
        // README: generalization
    }

    void wardenData(DataSource dataSource) {
        // README: warden-data
    }

    void callerTransaction(DataSource dataSource, SecurityContext ctx, Order order) throws Exception {
        // README: caller-transaction
    }

    void rowLevelSecurity(DataSource ownerDataSource, DataSource appDataSource, Connection connection,
            SecurityContext ctx) throws Exception {
        // README: row-level-security
    }

    void operations(SecurityContext context) {
        // README: operations
    }
}
