/**
 * Notifications (docs/specification.md §7): every message to a person is rendered from its templates (plain text
 * and HTML, with the ticket in words as §13 asks), addressed to the role the model names, recorded with the ticket,
 * and delivered, by e-mail threaded per ticket or into the local outbox.
 */
package com.clientservices.desk.notification;
