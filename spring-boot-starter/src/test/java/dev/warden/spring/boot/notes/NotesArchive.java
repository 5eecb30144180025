package dev.warden.spring.boot.notes;

import dev.warden.annotations.AllowedRoles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' view of the archive: every note, whoever owns it, read with plain JDBC. Only operation access
 * stands between it and other users.
 */
@Service
@AllowedRoles("Admin")
public class NotesArchive {
    private final JdbcTemplate jdbc;

    public NotesArchive(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many notes there are, visible to the caller or not. */
    @Transactional(readOnly = true)
    public long total() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM note", Long.class);
    }
}
