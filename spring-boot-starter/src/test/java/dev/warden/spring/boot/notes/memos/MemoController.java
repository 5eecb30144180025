package dev.warden.spring.boot.notes.memos;

import dev.warden.jpa.query.WardenSpecification;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The memos over HTTP, straight from the repository. */
@RestController
@RequestMapping("/memos")
class MemoController {
    private final MemoRepository memos;

    MemoController(MemoRepository memos) {
        this.memos = memos;
    }

    /** The memos the user may read: the read filter as a Specification. */
    @GetMapping
    List<Memo> readable() {
        return memos.findAll(WardenSpecification.readable(), Sort.by("id"));
    }

    @GetMapping("/all")
    List<Memo> all() {
        return memos.findAll(Sort.by("id"));
    }

    @GetMapping("/count")
    Map<String, Long> count() {
        return Map.of("count", memos.count(WardenSpecification.readable()));
    }

    @GetMapping("/{id}")
    Memo one(@PathVariable Long id) {
        return memos.findById(id).orElseThrow(() -> new IllegalStateException("no memo " + id));
    }

    @GetMapping("/region/{region}")
    List<Memo> inRegion(@PathVariable String region) {
        return memos.findByRegionOrderById(region);
    }

    @GetMapping("/titled/{prefix}")
    List<Memo> titled(@PathVariable String prefix) {
        return memos.titled(prefix);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Memo create(@RequestBody Memo memo) {
        return memos.save(memo);
    }

    @PutMapping("/{id}/title")
    Memo retitle(@PathVariable Long id, @RequestBody String title) {
        Memo memo = memos.findById(id).orElseThrow();
        memo.setTitle(title);
        return memos.saveAndFlush(memo);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable Long id) {
        memos.deleteById(id);
    }
}
