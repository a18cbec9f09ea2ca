/**
 * Where the desk reaches into the engine's internals ({@code org.camunda.bpm.engine.impl}), kept
 * small and in one place: each class says which internal it needs and why the public API does not
 * offer it.
 */
package com.clientservices.desk.engine;
