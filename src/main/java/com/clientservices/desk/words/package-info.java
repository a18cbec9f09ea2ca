/**
 * How the desk says things to people (docs/specification.md §13): times in the desk's zone like
 * {@code Tue 1 Dec 2026, 10:30 EST}, the time left before a deadline, and Markdown that shows a
 * customer's text as typed. The API keeps codes and ISO-8601; pages, Tasklist forms and messages
 * use these.
 */
package com.clientservices.desk.words;
