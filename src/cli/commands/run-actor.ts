/** The actor of the audit records `run` leaves. */
export const RUN_ACTOR = 'run';
