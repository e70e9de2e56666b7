package org.nngrader.bank.model;

/** The kinds of given values of an exercise, each with its own randomization range. */
public enum ParameterKind {
  INPUT("input"),
  WEIGHT("weight"),
  BIAS("bias"),
  TARGET("target"),
  RATE("rate");

  private final String id;

  ParameterKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
