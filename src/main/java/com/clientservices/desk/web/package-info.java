/** What every part of the HTTP API shares: errors as problem+json naming each bad field, size limits. */
package com.clientservices.desk.web;
