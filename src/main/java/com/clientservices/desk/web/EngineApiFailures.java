package com.clientservices.desk.web;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.glassfish.jersey.server.internal.process.MappableException;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Leaves the exception an engine REST call failed with on the request, so that
 * {@link EngineApiProblems} logs it under the error id it answers with. The engine's exception
 * mappers turn the exception into an answer before any filter could see it.
 *
 * <p>Jersey applies this to each of its applications (listed in
 * META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable): the starter's
 * /engine-rest and the webapps' APIs under /camunda/api alike, whose configuration the desk does
 * not own. It changes no answer.
 */
public final class EngineApiFailures implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(Listener.class)) {
            context.register(Listener.class);
        }
    }

    /** Records the exception of a failed request; a request property is an attribute of the servlet request. */
    public static final class Listener implements ApplicationEventListener {

        private static final RequestEventListener RECORD = event -> {
            if (event.getType() == RequestEvent.Type.ON_EXCEPTION && event.getException() != null) {
                var failure = event.getException() instanceof MappableException mappable && mappable.getCause() != null
                        ? mappable.getCause()
                        : event.getException();
                event.getContainerRequest().setProperty(EngineApiProblems.FAILURE, failure);
            }
        };

        @Override
        public void onEvent(ApplicationEvent event) {
            // Nothing to do when applications start or stop.
        }

        @Override
        public RequestEventListener onRequest(RequestEvent event) {
            return RECORD;
        }
    }
}
