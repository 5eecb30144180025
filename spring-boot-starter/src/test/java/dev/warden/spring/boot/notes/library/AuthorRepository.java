package dev.warden.spring.boot.notes.library;

import org.springframework.data.jpa.repository.JpaRepository;

/** The application's repository of authors. */
public interface AuthorRepository extends JpaRepository<Author, Integer> {}
