/** The demo mode's users, customers and sample tickets, created by one generator at startup. */
package com.clientservices.desk.demo;
