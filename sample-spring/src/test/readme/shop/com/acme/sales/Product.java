package com.acme.sales;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.MemberAccess;
import dev.warden.annotations.SecuredEntity;
import java.math.BigDecimal;

// README: product
