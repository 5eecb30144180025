package dev.warden.spring.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.spring.jdbc.ledger.LedgerClock;
import dev.warden.spring.jdbc.ledger.LedgerReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.autoproxy.DefaultAdvisorAutoProxyCreator;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * {@code @AllowedRoles} on Spring beans: a real application context proxies the protected bean through the advisor,
 * and each call is checked against the operations the processor generated for the ledger's test domain.
 */
class AllowedRolesAdvisorTest {
    private AnnotationConfigApplicationContext context;
    private LedgerReports reports;

    @BeforeEach
    void start() {
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DefaultAdvisorAutoProxyCreator.class, () -> {
            DefaultAdvisorAutoProxyCreator creator = new DefaultAdvisorAutoProxyCreator();
            creator.setProxyTargetClass(true);
            return creator;
        });
        context.registerBean(AllowedRolesAdvisor.class);
        context.registerBean(LedgerReports.class);
        context.registerBean(LedgerClock.class);
        context.refresh();
        reports = context.getBean(LedgerReports.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void theTypesRolesProtectItsMethodsAndAMethodsOwnListReplacesThem() {
        try (SecurityContext.Scope scope = SecurityContext.open(UserIdentity.of(7L, "Auditor"))) {
            assertEquals(597, reports.balance());
            AccessDeniedException denied = assertThrows(AccessDeniedException.class, reports::close);
            assertTrue(denied.getMessage().contains("LedgerReports.close"), denied.getMessage());
            assertTrue(denied.getMessage().contains("Auditor"), denied.getMessage());
        }
        try (SecurityContext.Scope scope = SecurityContext.open(UserIdentity.of(1L, "Clerk"))) {
            assertEquals("closed", reports.close());
            assertThrows(AccessDeniedException.class, reports::balance);
        }
    }

    @Test
    void withoutAContextNothingRunsAndTheSystemContextRunsEverything() {
        assertThrows(AccessDeniedException.class, reports::balance);
        assertThrows(AccessDeniedException.class, reports::close);
        try (SecurityContext.Scope scope = SecurityContext.system()) {
            assertEquals(597, reports.balance());
            assertEquals("closed", reports.close());
        }
    }

    @Test
    void onlyBeansWithOperationsAreProxied() {
        assertTrue(AopUtils.isAopProxy(reports));
        LedgerClock clock = context.getBean(LedgerClock.class);
        assertFalse(AopUtils.isAopProxy(clock));
        assertEquals("2026-12-03", clock.today());
    }
}
