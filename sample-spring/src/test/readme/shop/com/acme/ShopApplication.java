package com.acme;

import dev.warden.annotations.AppSecurity;
import dev.warden.annotations.Token;
import dev.warden.annotations.UserRole;

// README: application
