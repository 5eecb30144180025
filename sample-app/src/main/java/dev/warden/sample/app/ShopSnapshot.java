package dev.warden.sample.app;

import dev.warden.runtime.data.WardenData;
import dev.warden.sample.sales.Customer;
import dev.warden.sample.sales.Order;
import dev.warden.sample.sales.OrderLine;
import dev.warden.sample.sales.Product;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every object in the database, read in the system context, with the associations linked to the full objects (the
 * data layer reads an association as an object with only its key). The demo uses it to ask the in-memory policies
 * what a user may do with each object, and to show that the SQL filters give the same answers.
 */
public final class ShopSnapshot {
    private final Map<ShopEntity<?>, Map<Object, Object>> objects = new LinkedHashMap<>();

    private ShopSnapshot() {}

    /**
     * Reads everything.
     *
     * @param database the database
     * @return the snapshot
     */
    public static ShopSnapshot load(ShopDatabase database) {
        WardenData system = database.system();
        ShopSnapshot snapshot = new ShopSnapshot();
        for (ShopEntity<?> entity : ShopEntities.ALL) {
            snapshot.read(system, entity);
        }
        for (Order order : snapshot.all(ShopEntities.ORDERS)) {
            order.setCustomer(snapshot.linked(ShopEntities.CUSTOMERS, order.getCustomer()));
        }
        for (OrderLine line : snapshot.all(ShopEntities.ORDER_LINES)) {
            line.setOrder(snapshot.linked(ShopEntities.ORDERS, line.getOrder()));
            line.setProduct(snapshot.linked(ShopEntities.PRODUCTS, line.getProduct()));
        }
        return snapshot;
    }

    private <T> void read(WardenData system, ShopEntity<T> entity) {
        Map<Object, Object> byKey = new LinkedHashMap<>();
        for (T object : system.list(entity.table())) {
            byKey.put(entity.key(object), object);
        }
        objects.put(entity, byKey);
    }

    private <T> T linked(ShopEntity<T> entity, T reference) {
        return reference == null ? null : get(entity, entity.key(reference));
    }

    /** Every object of an entity, by key order. */
    public <T> List<T> all(ShopEntity<T> entity) {
        return objects.get(entity).values().stream().map(entity::cast).toList();
    }

    /**
     * One object.
     *
     * @param entity the entity
     * @param key its key
     * @param <T> the entity type
     * @return the object, or null when there is none
     */
    public <T> T get(ShopEntity<T> entity, Object key) {
        return entity.cast(objects.get(entity).get(key));
    }

    /** A customer, linked. */
    public Customer customer(long key) {
        return get(ShopEntities.CUSTOMERS, key);
    }

    /** An order, linked. */
    public Order order(long key) {
        return get(ShopEntities.ORDERS, key);
    }

    /** A product. */
    public Product product(long key) {
        return get(ShopEntities.PRODUCTS, key);
    }
}
