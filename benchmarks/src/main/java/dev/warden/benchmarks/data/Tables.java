package dev.warden.benchmarks.data;

import dev.warden.benchmarks.fixture.Document;
import dev.warden.benchmarks.fixture.DocumentPolicy;
import dev.warden.benchmarks.fixture.Invoice;
import dev.warden.benchmarks.fixture.InvoicePolicy;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.SqlParam;
import dev.warden.runtime.sql.SqlTemplate;

/**
 * The SQL mapping of the fixture entities, written by hand the way the Warden processor generates an
 * {@code XxxTable} (the processor does not generate them yet in the build these benchmarks were written
 * against): columns, the owner, each constrained rule's constraint as SQL, and how to read and write a row.
 */
public final class Tables {
    private Tables() {}

    private static final int I_ID = InvoicePolicy.Member.ID.ordinal();
    private static final int I_OWNER = InvoicePolicy.Member.OWNER.ordinal();
    private static final int I_TITLE = InvoicePolicy.Member.TITLE.ordinal();
    private static final int I_AMOUNT = InvoicePolicy.Member.AMOUNT.ordinal();
    private static final int I_REGION = InvoicePolicy.Member.REGION.ordinal();

    /** {@link Invoice} in table {@code invoices}; rule 2 is {@code [owner = '[%CurrentUser%]']}. */
    public static final EntityTable<Invoice> INVOICES = EntityTable.builder(InvoicePolicy.rules(), "invoices", I_ID)
            .column(I_ID, "id", Long.class)
            .column(I_OWNER, "owner", Long.class)
            .column(I_TITLE, "title", String.class)
            .column(I_AMOUNT, "amount", Long.class)
            .column(I_REGION, "region", String.class)
            .owner(I_OWNER)
            .constraint(2, SqlTemplate.of("{a}.owner = ?", SqlParam.currentUser()))
            .reader(values -> new Invoice((Long) values[I_ID], (Long) values[I_OWNER], (String) values[I_TITLE],
                    (Long) values[I_AMOUNT], (String) values[I_REGION]))
            .writer((invoice, member) -> member == I_ID ? invoice.getId()
                    : member == I_OWNER ? invoice.getOwner()
                    : member == I_TITLE ? invoice.getTitle()
                    : member == I_AMOUNT ? invoice.getAmount()
                    : invoice.getRegion())
            .build();

    private static final int D_ID = DocumentPolicy.Member.ID.ordinal();
    private static final int D_TITLE = DocumentPolicy.Member.TITLE.ordinal();
    private static final int D_BODY = DocumentPolicy.Member.BODY.ordinal();
    private static final int D_OWNER = DocumentPolicy.Member.OWNER.ordinal();
    private static final int D_REGION = DocumentPolicy.Member.REGION.ordinal();

    /**
     * {@link Document} in table {@code documents}; rule 3 is {@code [owner = '[%CurrentUser%]']}, rule 4
     * {@code [region = '[%Region%]']}.
     */
    public static final EntityTable<Document> DOCUMENTS = EntityTable.builder(DocumentPolicy.rules(), "documents", D_ID)
            .column(D_ID, "id", Long.class)
            .column(D_TITLE, "title", String.class)
            .column(D_BODY, "body", String.class)
            .column(D_OWNER, "owner", Long.class)
            .column(D_REGION, "region", String.class)
            .owner(D_OWNER)
            .constraint(3, SqlTemplate.of("{a}.owner = ?", SqlParam.currentUser()))
            .constraint(4, SqlTemplate.of("{a}.region = ?", SqlParam.token("Region", String.class)))
            .reader(values -> new Document((Long) values[D_ID], (String) values[D_TITLE], (String) values[D_BODY],
                    (Long) values[D_OWNER], (String) values[D_REGION]))
            .writer((document, member) -> member == D_ID ? document.getId()
                    : member == D_TITLE ? document.getTitle()
                    : member == D_BODY ? document.getBody()
                    : member == D_OWNER ? document.getOwner()
                    : document.getRegion())
            .build();
}
