/**
 * Deployed models run on the server: treat them as code (docs/specification.md §8). A process owner may deploy
 * BPMN, DMN and Camunda Forms, and the engine would run whatever they say: a script, a Java class,
 * or an expression such as {@code ${''.getClass().forName(…)}} behind a timer. So every deployment
 * is checked before anything of it is stored, against the desk's vocabulary (the beans and methods
 * the shipped models call, conditions over process variables, timers, decisions, forms), and
 * refused with one error per offending element; and expressions are evaluated with that same
 * vocabulary only, so a model that reached the database another way cannot step outside it either.
 */
package com.clientservices.desk.deployment;
