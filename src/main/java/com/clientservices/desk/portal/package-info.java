/**
 * The support portal at / for customers' contacts (SPEC §1, §4, §9): submit a request, follow
 * their tickets, answer questions and attach screenshots. Server-rendered, with a little script.
 */
package com.clientservices.desk.portal;
