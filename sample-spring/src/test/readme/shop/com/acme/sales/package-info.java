// README: sales-module

import dev.warden.annotations.Module;
