package com.acme.billing;

import dev.warden.annotations.Preset;
import dev.warden.annotations.SecuredEntity;

// README: credit-note
