package dev.warden.spring.boot.notes;

import dev.warden.runtime.data.WardenData;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A transactional service that mixes JdbcTemplate and WardenData, as applications do. */
@Service
public class NotesService {
    private final WardenData data;
    private final JdbcTemplate jdbc;

    public NotesService(WardenData data, JdbcTemplate jdbc) {
        this.data = data;
        this.jdbc = jdbc;
    }

    /** Publishes all the notes or none: records each publication, then publishes the note through Warden. */
    @Transactional
    public void publish(List<Long> ids) {
        for (Long id : ids) {
            jdbc.update("INSERT INTO publication (note_id) VALUES (?)", id);
            Note change = new Note();
            change.setId(id);
            change.setPublished(true);
            data.update(NoteTable.TABLE, change, NotePolicy.Member.PUBLISHED);
        }
    }
}
