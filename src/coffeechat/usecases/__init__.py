"""One function per user action: each owns its transaction; screens and the CLI call these."""
