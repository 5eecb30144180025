package dev.warden.behaviour;

import static dev.warden.behaviour.Users.reader;
import static dev.warden.behaviour.Users.system;
import static dev.warden.behaviour.Users.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.data.WardenData;
import fixture.pay.Payment;
import fixture.pay.PaymentTable;
import fixture.pay.VoucherPayment;
import fixture.pay.VoucherPaymentTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 §1, the SQL side: rows of a specialization stored in its parent's table (single-table inheritance, told
 * apart by a discriminator) never come back through the parent's table filter; each entity's table sees its own rows,
 * by its own rules.
 */
class SingleTableTest {

    private static WardenData data;

    @BeforeAll
    static void database() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:single-table;DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE payment (id BIGINT PRIMARY KEY, kind VARCHAR(10) NOT NULL, "
                    + "reference VARCHAR(20), voucher VARCHAR(20))");
            statement.execute("INSERT INTO payment VALUES (1, 'CARD', 'c-1', NULL), (2, 'VOUCHER', 'v-2', 'XMAS'), "
                    + "(3, 'CARD', 'c-3', NULL), (4, 'GIFT', 'g-4', NULL)");
        }
        data = WardenData.of(h2);
    }

    private static List<Long> ids(List<? extends Payment> payments) {
        return payments.stream().map(Payment::getId).toList();
    }

    @Test
    void theParentsTableReturnsOnlyItsOwnRows() {
        assertEquals(List.of(1L, 3L), ids(data.as(reader()).list(PaymentTable.TABLE)),
                "a payer sees the card payments, not the voucher their rules do not let them see");
        assertEquals(List.of(1L, 3L), ids(data.as(writer()).list(PaymentTable.TABLE)),
                "a clerk reads vouchers through their own table, not as plain payments");
        assertEquals(List.of(1L, 3L), ids(data.as(system()).list(PaymentTable.TABLE)),
                "not even the system reads another entity's rows as payments, nor rows of an unknown kind");
        assertTrue(data.as(writer()).find(PaymentTable.TABLE, 2L).isEmpty());
        assertEquals(2, data.as(reader()).count(PaymentTable.TABLE));
    }

    @Test
    void theSpecializationsTableReturnsItsRowsByItsOwnRules() {
        assertEquals(List.of(), ids(data.as(reader()).list(VoucherPaymentTable.TABLE)));
        List<VoucherPayment> vouchers = data.as(writer()).list(VoucherPaymentTable.TABLE);
        assertEquals(List.of(2L), ids(vouchers));
        assertEquals("XMAS", vouchers.get(0).getVoucher());
        assertFalse(data.as(reader()).find(VoucherPaymentTable.TABLE, 2L).isPresent());
    }
}
