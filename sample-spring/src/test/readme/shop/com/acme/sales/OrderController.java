package com.acme.sales;

import dev.warden.runtime.data.WardenData;
import dev.warden.spring.web.DeniedAsNotFound;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Not in the README: the controller its handler is a method of. */
@RestController
class OrderController {
    private final WardenData data;

    OrderController(WardenData data) {
        this.data = data;
    }

    // README: denied-as-not-found
}
