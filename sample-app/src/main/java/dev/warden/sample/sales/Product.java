package dev.warden.sample.sales;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.MemberAccess;
import dev.warden.annotations.SecuredEntity;
import java.math.BigDecimal;

/** A product in the catalogue, an immutable record. Everyone sees it; only staff see the cost price. */
@SecuredEntity
@AccessRule(roles = {"Manager", "Rep", "Customer", "Anonymous"}, defaultAccess = Access.READ)
public record Product(
        Long id,
        String name,
        BigDecimal price,
        @MemberAccess(roles = {"Customer", "Anonymous"}, value = Access.NONE) BigDecimal costPrice) {}
