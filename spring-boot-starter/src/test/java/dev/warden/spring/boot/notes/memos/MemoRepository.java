package dev.warden.spring.boot.notes.memos;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** An ordinary Spring Data repository: nothing in it is Warden's. */
public interface MemoRepository extends JpaRepository<Memo, Long>, JpaSpecificationExecutor<Memo> {
    List<Memo> findByRegionOrderById(String region);

    @Query("select m from Memo m where m.title like :prefix% order by m.id")
    List<Memo> titled(String prefix);
}
