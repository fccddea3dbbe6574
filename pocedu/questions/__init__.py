"""Question logic independent of any interface: response formats, keys and scoring."""
