package dev.warden.runtime.data;

import java.sql.SQLException;

/**
 * A database error while {@link WardenData} read or wrote: the {@link SQLException} is the cause. Access the rules
 * deny is an {@link dev.warden.runtime.AccessDeniedException} instead, never this.
 */
public class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error.
     *
     * @param what what was attempted, for example {@code "insert Order"}
     * @param cause the driver's exception
     */
    public DataAccessException(String what, SQLException cause) {
        super("Could not " + what + ": the database reported SQLState " + cause.getSQLState() + ", error "
                + cause.getErrorCode(), cause);
    }

    /** The driver's exception. */
    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
