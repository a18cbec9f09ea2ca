package com.clientservices.desk.notification;

import com.clientservices.desk.engine.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The service task of the former {@code deliver-notification} model, one process instance per message:
 * kept so that deliveries such an instance still holds (queued, retrying or an incident) leave once, as
 * {@link DeliverMessage} sends every message now.
 */
@Component("deliverNotification")
class DeliverNotification implements JavaDelegate {

    private final DeliverMessage delivery;

    DeliverNotification(DeliverMessage delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliver(ProcessVariables.NOTIFICATION_ID.get(execution));
    }
}
