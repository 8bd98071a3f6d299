// The handshake query that binds a socket.io connection to one online meeting. The meeting room opens a connection of
// its own with `?meeting=<id>` for its signalling, so that a load balancer can route every participant of one meeting
// to the instance holding its media (deploy/nginx hashes on it); the server lets that connection carry that meeting's
// signalling only.

export const MEETING_QUERY = 'meeting';

/** A meeting id as the query may carry it (the ids the server issues, at most 64 characters). */
export const MEETING_QUERY_ID = /^[A-Za-z0-9_-]{1,64}$/;
