/** Camunda Forms on the server side: the rules each task's form states are enforced on completion. */
package com.clientservices.desk.forms;
