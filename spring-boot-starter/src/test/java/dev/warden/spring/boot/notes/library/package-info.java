/**
 * An ordinary Spring Data JPA application's entities and repositories, as a team has them before it adds Warden: a
 * {@code @MappedSuperclass}, {@code Integer} ids, a unidirectional many-to-one, eager collections. Adding Warden (the
 * starter and {@code @SecuredEntity} with a rule that allows its roles everything) keeps its repository tests
 * passing ({@link dev.warden.spring.boot.notes.library.LibraryRepositoryTest}). In the Notes module, the enclosing
 * package's.
 */
package dev.warden.spring.boot.notes.library;
