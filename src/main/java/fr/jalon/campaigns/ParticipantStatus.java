package fr.jalon.campaigns;

/** Where an invited agent is in the campaign, as Pix Orga's export says. */
public enum ParticipantStatus { NOT_STARTED, STARTED, SHARED }
