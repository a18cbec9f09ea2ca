/**
 * The e-mail channel (docs/specification.md §12): the desk reads one mailbox over IMAP or IMAPS, takes each
 * message exactly once (its Message-ID recorded in the transaction of the ticket or reply it makes), turns a
 * contact's mail into a reply or a new request, and keeps every other message for administrators with the
 * reason, unanswered, so no mail loop can start.
 */
package com.clientservices.desk.mail;
