/**
 * The support portal at / for customers' contacts (docs/specification.md §1, §4, §9): submit a request, follow
 * their tickets, answer questions and attach screenshots. Server-rendered, with a little script.
 */
package com.clientservices.desk.portal;
