/**
 * The desk's own record of what happened to each ticket (the {@code ticket_event} table), in
 * order, appended and never changed. Every feature writes to it and the audit and portal pages
 * read it, so it sits below all of them and depends on none. Not the engine's history: that one
 * is read (and cleaned up) in {@code audit}.
 */
package com.clientservices.desk.history;
