/**
 * Why the desk refuses what someone asked, in the desk's own words: a ticket that is not there, a
 * person who may not, a request with bad fields, a change that conflicts with the ticket's state.
 * Features throw these without knowing whether the caller is the API, a page or a delegate; the
 * web layer alone decides what each means in HTTP (problem+json for the API, the error page or a
 * message next to the field for pages). Depends on no other desk package.
 */
package com.clientservices.desk.refusal;
