"""Optional back-ends (stanza). Each is imported only when asked for."""
