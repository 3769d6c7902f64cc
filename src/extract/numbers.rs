//! Numbers (stub).
