package dev.warden.spring.jdbc.ledger;

/** A bean without operation access: nothing protects it, so nothing proxies it. */
public class LedgerClock {

    /** For everybody. */
    public String today() {
        return "2026-12-03";
    }
}
