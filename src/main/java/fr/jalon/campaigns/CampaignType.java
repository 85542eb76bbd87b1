package fr.jalon.campaigns;

/** As in Pix Orga: an assessment of skills, or a collection of the participants' Pix profiles. */
public enum CampaignType { ASSESSMENT, PROFILES_COLLECTION }
