package dev.warden.sample.sales;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.Member;
import dev.warden.annotations.MemberAccess;
import dev.warden.annotations.SecuredEntity;
import java.math.BigDecimal;

/**
 * The product as an immutable record: its components cannot be written, so a rule cannot give READ_WRITE on them.
 */
@SecuredEntity
@AccessRule(roles = "Manager", create = true, delete = true, defaultAccess = Access.READ,
        members = @Member(name = "price", access = Access.READ_WRITE))  // expect: WARDEN-E008
@AccessRule(roles = {"Rep", "Customer", "Guest"}, defaultAccess = Access.READ, constraint = "[active = true()]")
public record Product(
        Long id,
        String name,
        BigDecimal price,
        @MemberAccess(roles = {"Customer", "Guest"}, value = Access.NONE) BigDecimal costPrice,
        Boolean active) {}
