package dev.warden.spring.boot.notes;

import dev.warden.runtime.data.WardenData;
import java.util.concurrent.CompletableFuture;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/** Work that runs on the application's task executor. */
@Service
public class NotesReports {
    private final WardenData data;

    public NotesReports(WardenData data) {
        this.data = data;
    }

    /** How many notes the caller sees, counted on another thread; and which thread. */
    @Async
    public CompletableFuture<String> count() {
        Thread thread = Thread.currentThread();
        return CompletableFuture.completedFuture(data.count(NoteTable.TABLE) + " on " + thread.getName() + " "
                + (isVirtual(thread) ? "virtual" : "platform"));
    }

    static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (NoSuchMethodException e) {
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
