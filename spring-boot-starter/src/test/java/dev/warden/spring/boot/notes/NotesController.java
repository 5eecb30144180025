package dev.warden.spring.boot.notes;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.WardenData;
import dev.warden.spring.web.DeniedAsNotFound;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The notes API: every read and write through the starter's WardenData, for the user Spring Security signed in. */
@RestController
public class NotesController {
    private final WardenData data;
    private final NotesReports reports;
    private final TaskExecutor taskExecutor;
    private final NotesService service;
    private final NotesArchive archive;

    public NotesController(WardenData data, NotesReports reports,
            @Qualifier("applicationTaskExecutor") TaskExecutor taskExecutor, NotesService service,
            NotesArchive archive) {
        this.data = data;
        this.reports = reports;
        this.taskExecutor = taskExecutor;
        this.service = service;
        this.archive = archive;
    }

    /** Who Warden thinks the caller is. */
    @GetMapping("/me")
    public Map<String, Object> me() {
        SecurityContext ctx = SecurityContext.current();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("anonymous", ctx.isAnonymous());
        me.put("id", ctx.userId());
        me.put("userRoles", ctx.userRoles());
        me.put("region", ctx.attribute("Region").orElse(null));
        return me;
    }

    @GetMapping("/notes")
    public List<Note> list() {
        return data.list(NoteTable.TABLE);
    }

    /** 404 when the note does not exist or the caller may not see it: the same answer. */
    @GetMapping("/notes/{id}")
    public ResponseEntity<Note> one(@PathVariable long id) {
        return ResponseEntity.of(data.find(NoteTable.TABLE, id));
    }

    @PostMapping("/notes")
    public ResponseEntity<Note> create(@RequestBody Note note) {
        Note stored = data.insert(NoteTable.TABLE, note);
        return ResponseEntity.created(URI.create("/notes/" + stored.getId())).body(stored);
    }

    /** A denied change is 403: the caller sees the note, so its existence is no secret. */
    @PatchMapping("/notes/{id}/title")
    public Note rename(@PathVariable long id, @RequestBody String title) {
        Note change = new Note();
        change.setId(id);
        change.setTitle(title);
        return data.update(NoteTable.TABLE, change, NotePolicy.Member.TITLE);
    }

    /** A denied delete is 404, as for a note that does not exist. */
    @DeleteMapping("/notes/{id}")
    @DeniedAsNotFound
    public ResponseEntity<Void> delete(@PathVariable long id) {
        data.delete(NoteTable.TABLE, id);
        return ResponseEntity.noContent().build();
    }

    /** All or none, in one transaction: a denial is 403 and nothing is published or recorded. */
    @PostMapping("/notes/publish")
    public ResponseEntity<Void> publish(@RequestBody List<Long> ids) {
        service.publish(ids);
        return ResponseEntity.noContent().build();
    }

    /** Every note there is: operation access ({@code @AllowedRoles} on {@link NotesArchive}) for administrators. */
    @GetMapping("/notes/total")
    public long total() {
        return archive.total();
    }

    @GetMapping("/notes/count")
    public long count() {
        return data.count(NoteTable.TABLE);
    }

    /** The count from an {@code @Async} method. */
    @GetMapping("/notes/count/async")
    public String countAsync() throws Exception {
        return reports.count().get(10, TimeUnit.SECONDS);
    }

    /** The count from a task handed to the application's TaskExecutor. */
    @GetMapping("/notes/count/executor")
    public String countOnExecutor() throws Exception {
        CompletableFuture<String> count = new CompletableFuture<>();
        taskExecutor.execute(() -> {
            try {
                count.complete(data.count(NoteTable.TABLE) + " on " + Thread.currentThread().getName());
            } catch (RuntimeException e) {
                count.completeExceptionally(e);
            }
        });
        return count.get(10, TimeUnit.SECONDS);
    }
}
