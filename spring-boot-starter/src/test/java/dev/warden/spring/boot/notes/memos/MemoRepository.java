package dev.warden.spring.boot.notes.memos;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** An ordinary Spring Data repository: nothing in it is Warden's. */
public interface MemoRepository extends JpaRepository<Memo, Long>, JpaSpecificationExecutor<Memo> {
    List<Memo> findByRegionOrderById(String region);

    Page<Memo> findByRegion(String region, Pageable pageable);

    long countByRegion(String region);

    boolean existsByRegion(String region);

    @Query("select m from Memo m where m.title like :prefix% order by m.id")
    List<Memo> titled(String prefix);

    @Query(value = "select m from Memo m where m.region = :region",
            countQuery = "select count(m) from Memo m where m.region = :region")
    Page<Memo> inRegion(String region, Pageable pageable);
}
