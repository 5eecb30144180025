package com.acme.sales;

/** Not in the README: what OrderService.placeOrder takes. */
public class Cart {}
