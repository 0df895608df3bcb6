package nl.procesregie.hub.timers;

/** What happens when a deadline passes. */
public enum TermijnSoort {
    /** A rung of the escalation of an unconfirmed crisis table or one-month check. */
    ESCALATIE,
    /** The one-month check after a handover: remind the regisseur. */
    OPVOLGING,
    /** Two months after a handover: the waakvlam ends and the case closes. */
    WAAKVLAM,
    LEEFTIJD_16,
    LEEFTIJD_18
}
