/**
 * The desk's edge to the engine, kept small and in one place: the one clock the desk reads
 * ({@link com.clientservices.desk.engine.DeskClock}), the process variables its Java code reads
 * and writes ({@link com.clientservices.desk.engine.ProcessVariables}), and the few reaches into
 * the engine's internals ({@code org.camunda.bpm.engine.impl}), each class saying which internal
 * it needs and why the public API does not offer it. Depends on no other desk package.
 */
package com.clientservices.desk.engine;
