package com.acme.sales;

public enum OrderStatus { DRAFT, PLACED, SHIPPED }
