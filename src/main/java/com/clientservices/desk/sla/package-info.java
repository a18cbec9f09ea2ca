/**
 * Response-time targets: the business calendar (working hours, working days and closed days)
 * and the acknowledgement and warning times derived from it. All working-time arithmetic of
 * the desk lives in {@link com.clientservices.desk.sla.BusinessCalendar}; the BPMN timers reach it
 * through {@code ${slaClock.…}}, which sets the due and warning times they wait for.
 */
package com.clientservices.desk.sla;
