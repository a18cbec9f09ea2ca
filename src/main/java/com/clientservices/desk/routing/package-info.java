/**
 * Request routing: the request types and the team each goes to, as the process owners keep them
 * in the {@code request-routing} decision table (docs/specification.md §2).
 */
package com.clientservices.desk.routing;
