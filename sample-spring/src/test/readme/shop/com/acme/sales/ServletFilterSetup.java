package com.acme.sales;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.servlet.OperationAccessFilter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

/** Not in the README: where an application without Spring registers the servlet filter, and its users' contexts. */
class ServletFilterSetup {
    void register(ServletContext servletContext) {
        // README: servlet-filter
    }

    private static SecurityContext contextOf(HttpServletRequest request) {
        throw new UnsupportedOperationException("the application's sign-in");
    }
}
