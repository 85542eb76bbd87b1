package fr.jalon.referrals;

/** Why a centre refuses a referral (fixed list; OTHER needs a text). */
enum RefusalReason {
    UNREACHABLE, ABSENT, IN_EMPLOYMENT, IN_TRAINING, NOT_ELIGIBLE, NOT_MOBILE, NOT_INTERESTED, SESSION_FULL, DUPLICATE,
    OTHER
}
