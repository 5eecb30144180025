package com.acme.sales;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.Calculated;
import dev.warden.annotations.Member;
import dev.warden.annotations.Owner;
import dev.warden.annotations.SecuredEntity;
import java.math.BigDecimal;

// README: order
