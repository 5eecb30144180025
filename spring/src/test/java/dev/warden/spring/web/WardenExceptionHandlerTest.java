package dev.warden.spring.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Warden's denials through Spring MVC's dispatcher (MockMvc): 403 by default, 404 for {@link DeniedAsNotFound}
 * handlers, a problem detail without the reason unless asked for, and other exceptions untouched.
 */
class WardenExceptionHandlerTest {
    private static final String REASON = "Access denied: cannot WRITE member 'total' of Order: no active rule grants "
            + "write access for user roles [SalesRep]";

    @RestController
    static class Orders {
        @GetMapping("/orders/total")
        String changeTotal() {
            throw new AccessDeniedException("Order", "total", Operation.WRITE,
                    "no active rule grants write access for user roles [SalesRep]");
        }

        @GetMapping("/orders/secret")
        @DeniedAsNotFound
        String secret() {
            throw new AccessDeniedException("Order", null, Operation.DELETE, "no rule");
        }

        /** A real denial of the runtime: no application model and no scope means no security context. */
        @GetMapping("/orders/nobody")
        String nobody() {
            return SecurityContext.current().toString();
        }

        @GetMapping("/orders/broken")
        String broken() {
            throw new IllegalStateException("not Warden's");
        }
    }

    @RestController
    @DeniedAsNotFound
    static class Customers {
        @GetMapping("/customers/1")
        String one() {
            throw new AccessDeniedException("Customer", null, Operation.READ, "no rule");
        }

        @GetMapping("/customers/1/rename")
        @DeniedAsNotFound(false)
        String rename() {
            throw new AccessDeniedException("Customer", "name", Operation.WRITE, "no rule");
        }
    }

    @AfterEach
    void reset() {
        ApplicationModel.setDefault(null);
    }

    private static MockMvc mvc(WardenExceptionHandler handler) {
        return MockMvcBuilders.standaloneSetup(new Orders(), new Customers()).setControllerAdvice(handler).build();
    }

    @Test
    void aDenialIsForbiddenWithoutTheReason() throws Exception {
        MvcResult result = mvc(new WardenExceptionHandler()).perform(get("/orders/total")).andReturn();

        assertEquals(403, result.getResponse().getStatus());
        assertEquals("application/problem+json", result.getResponse().getContentType());
        String body = result.getResponse().getContentAsString();
        assertTrue(body.contains("\"title\":\"Forbidden\""), body);
        assertTrue(body.contains("\"status\":403"), body);
        assertTrue(body.contains("\"instance\":\"/orders/total\""), body);
        assertFalse(body.contains("total'"), "the reason is left out: " + body);
        assertFalse(body.contains("detail"), body);
    }

    @Test
    void theReasonIsTheDetailWhenExposed() throws Exception {
        MvcResult result = mvc(new WardenExceptionHandler(true)).perform(get("/orders/total")).andReturn();

        assertEquals(403, result.getResponse().getStatus());
        String body = result.getResponse().getContentAsString();
        assertTrue(body.contains("\"detail\":\"" + REASON + "\""), body);
    }

    @Test
    void aHandlerDeniedAsNotFoundAnswers404WithoutAReason() throws Exception {
        for (String path : new String[] {"/orders/secret", "/customers/1"}) {
            MvcResult result = mvc(new WardenExceptionHandler(true)).perform(get(path)).andReturn();

            assertEquals(404, result.getResponse().getStatus(), path);
            String body = result.getResponse().getContentAsString();
            assertTrue(body.contains("\"title\":\"Not Found\""), body);
            assertFalse(body.contains("detail"), "a 404 never says why: " + body);
        }
    }

    @Test
    void aMethodsAnnotationCountsBeforeItsClasss() throws Exception {
        assertEquals(403, mvc(new WardenExceptionHandler()).perform(get("/customers/1/rename")).andReturn()
                .getResponse().getStatus());
    }

    @Test
    void noSecurityContextIsForbidden() throws Exception {
        MvcResult result = mvc(new WardenExceptionHandler(true)).perform(get("/orders/nobody")).andReturn();

        assertEquals(403, result.getResponse().getStatus());
        assertTrue(result.getResponse().getContentAsString().contains("No security context"),
                result.getResponse().getContentAsString());
    }

    @Test
    void otherExceptionsAreNotWardens() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> mvc(new WardenExceptionHandler()).perform(get("/orders/broken")));
        assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e));
    }
}
