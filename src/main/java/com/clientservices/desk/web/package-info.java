/**
 * What every part of the HTTP API shares: errors as problem+json naming each bad field, what the
 * features' refusals (package refusal) are in HTTP, size limits, and running a change again when
 * another transaction got there first, so that a race ends in success or a 4xx, never a 500.
 */
package com.clientservices.desk.web;
