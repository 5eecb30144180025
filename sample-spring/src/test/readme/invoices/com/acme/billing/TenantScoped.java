package com.acme.billing;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// README: tenant-scoped
