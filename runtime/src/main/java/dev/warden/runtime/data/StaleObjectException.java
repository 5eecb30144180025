package dev.warden.runtime.data;

/**
 * An update of a versioned entity (JPA {@code @Version}) found the row changed since the object was read: its stored
 * version is no longer the object's. Nothing was changed, and the transaction of the update is rolled back, so that
 * the other change is not lost; read the object again and apply the change to it. Only a user who may write the row
 * is told this (for others the update fails as for a row out of reach), and the message names the entity and the key
 * the caller gave, never a stored value.
 */
public final class StaleObjectException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final transient Object key;

    StaleObjectException(String entity, String versionMember, Object key) {
        super("The " + entity + " with key " + key + " was changed by someone else since it was read (its '"
                + versionMember + "' is no longer the object's), so the update was not stored; read it again and "
                + "apply the change to it");
        this.entity = entity;
        this.key = key;
    }

    /**
     * The entity's name.
     *
     * @return the name
     */
    public String entity() {
        return entity;
    }

    /**
     * The key of the object the update was for.
     *
     * @return the key as the caller gave it
     */
    public Object key() {
        return key;
    }
}
