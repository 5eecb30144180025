package dev.warden.processor.model;

/** The qualified names of the annotations the processor reads. */
public final class WardenAnnotations {
    private static final String PACKAGE = "dev.warden.annotations.";

    public static final String MODULE = PACKAGE + "Module";
    public static final String APP_SECURITY = PACKAGE + "AppSecurity";
    public static final String SECURED_ENTITY = PACKAGE + "SecuredEntity";
    public static final String ACCESS_RULE = PACKAGE + "AccessRule";
    public static final String ACCESS_RULES = PACKAGE + "AccessRules";
    public static final String MEMBER_ACCESS = PACKAGE + "MemberAccess";
    public static final String MEMBER_ACCESSES = PACKAGE + "MemberAccesses";
    public static final String OWNER = PACKAGE + "Owner";
    public static final String CHANGED_BY = PACKAGE + "ChangedBy";
    public static final String CREATED_DATE = PACKAGE + "CreatedDate";
    public static final String CHANGED_DATE = PACKAGE + "ChangedDate";
    public static final String PRESET = PACKAGE + "Preset";
    public static final String CALCULATED = PACKAGE + "Calculated";
    public static final String ALLOWED_ROLES = PACKAGE + "AllowedRoles";
    /** On generated code: claimed, so that {@code -Xlint:processing} does not report it as unprocessed. */
    public static final String GENERATED = PACKAGE + "Generated";

    private WardenAnnotations() {}
}
