package com.acme.sales;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.SecuredEntity;

/** Not in the README: a specialization with rules of its own. */
@SecuredEntity
@AccessRule(roles = "Manager", defaultAccess = Access.READ)
public class Secret extends Doc {}
