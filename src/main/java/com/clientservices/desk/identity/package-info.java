/**
 * Identities and security (docs/specification.md §8): sign-in against the engine's users, who may read which
 * tickets, the groups, authorizations and Tasklist filters the desk needs.
 */
package com.clientservices.desk.identity;
