@Module(name = "Sales", roles = {"Manager", "Rep", "Customer", "Anonymous"})
package com.acme.sales;

import dev.warden.annotations.Module;
