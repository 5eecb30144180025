package com.acme.billing;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.ChangedBy;
import dev.warden.annotations.ChangedDate;
import dev.warden.annotations.CreatedDate;
import dev.warden.annotations.Member;
import dev.warden.annotations.Owner;
import dev.warden.annotations.Preset;
import dev.warden.annotations.SecuredEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

// README: invoice
