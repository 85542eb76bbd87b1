package fr.jalon.candidates;

/** Where an enrolment comes from; the reference points to the referral or campaign. */
public enum Origin { DIRECT, REFERRAL, CAMPAIGN, IMPORT }
