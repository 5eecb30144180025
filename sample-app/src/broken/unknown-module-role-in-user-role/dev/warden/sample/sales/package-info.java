/**
 * Customers, their orders and order lines, and the products they order.
 *
 * <p>Module roles: {@code Manager} runs the shop, {@code Rep} looks after the customers they manage,
 * {@code Customer} places orders, {@code Guest} browses the catalogue without signing in.
 */
@Module(name = "Sales", roles = {"Manager", "Rep", "Customer", "Guest"})  // expect: WARDEN-W003
package dev.warden.sample.sales;

import dev.warden.annotations.Module;
