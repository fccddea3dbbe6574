"""Helpers for pocedu's own end-to-end tests (browser driving); not needed by students."""
