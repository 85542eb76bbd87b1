package fr.jalon.candidates;

/** How a person can be reached. Many candidates have no e-mail: SMS and paper matter as much. */
public enum Channel { EMAIL, SMS, LETTER }
