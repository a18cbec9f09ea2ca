/**
 * What an agent sees of a ticket in Tasklist (docs/specification.md §13): every task's form shows
 * the whole ticket, in words, read from the desk's records at the moment the form opens.
 */
package com.clientservices.desk.tasklist;
