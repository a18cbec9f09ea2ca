/**
 * Notifications (docs/specification.md §7): every message to a person is rendered from a template, addressed to the
 * role the model names, recorded with the ticket, and delivered.
 */
package com.clientservices.desk.notification;
