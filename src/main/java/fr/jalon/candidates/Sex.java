package fr.jalon.candidates;

/** Sex as Pix records it. */
public enum Sex { M, F }
