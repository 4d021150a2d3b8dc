"""Pure rules: validation, dates, drafting, questions, stats. No SQL, no textual."""
