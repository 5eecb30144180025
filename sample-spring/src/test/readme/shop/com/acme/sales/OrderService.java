package com.acme.sales;

import dev.warden.annotations.AllowedRoles;

// README: order-service
