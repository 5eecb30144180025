package dev.warden.sample.sales;

/** Where an order is in its life. */
public enum OrderStatus {
    /** Being put together by the customer, who may still change or delete it. */
    DRAFT,
    /** Placed; the customer's sales rep takes it from here. */
    PLACED,
    /** On its way. */
    SHIPPED,
    /** Cancelled; a sales manager may delete it. */
    CANCELLED
}
