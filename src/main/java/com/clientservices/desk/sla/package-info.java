/**
 * Response-time targets: the business calendar (working hours, working days and closed days)
 * and the acknowledgement and warning times derived from it. All working-time arithmetic of
 * the desk lives in {@link com.clientservices.desk.sla.BusinessCalendar}, which the BPMN timers
 * reach as {@code ${slaCalendar.…}}.
 */
package com.clientservices.desk.sla;
