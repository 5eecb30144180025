/** Customers, their orders and the products they order. */
@Module(name = "Sales", roles = {"Manager", "Rep", "Customer", "Anonymous"})
package dev.warden.sample.sales;

import dev.warden.annotations.Module;
