package dev.warden.spring.boot.notes.library;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The application's repository of books. */
public interface BookRepository extends JpaRepository<Book, Integer> {
    List<Book> findByAuthorNameOrderByTitle(String name);

    @Query("select b from Book b join b.tags t where t = :tag order by b.title")
    List<Book> tagged(String tag);
}
