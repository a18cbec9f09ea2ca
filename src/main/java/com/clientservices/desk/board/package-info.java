/**
 * The managers' SLA board (docs/specification.md §14): every running response-time target by team, those in their
 * warning window and those overdue, the breaches of today and this week, emergencies on top, refreshing itself.
 */
package com.clientservices.desk.board;
