package fr.jalon.centers;

/** Pix centre types: professional, higher education, school. */
enum CenterType { PRO, SUP, SCO }
