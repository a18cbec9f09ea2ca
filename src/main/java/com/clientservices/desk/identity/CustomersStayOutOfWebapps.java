package com.clientservices.desk.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Customers never use the engine (SPEC §8): the Camunda webapps refuse their sign-in, even to the
 * "welcome" application every user may open, whose session would reach the webapps' engine API.
 */
@Configuration
class CustomersStayOutOfWebapps {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> refuseCustomersAtWebappSignIn(IdentityService identity) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var user = request.getParameter("username");
                if ("POST".equals(request.getMethod()) && user != null
                        && identity.createUserQuery().userId(user).memberOfGroup(DeskGroups.CUSTOMERS).count() > 0) {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN,
                            "Customer contacts use the support portal and the desk's API, not the Camunda webapps");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        return registration;
    }
}
