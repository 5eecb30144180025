package dev.warden.sample.sales;

/** Where an order is in its life. */
public enum OrderStatus {
    DRAFT,
    PLACED,
    SHIPPED
}
