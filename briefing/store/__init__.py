"""The fact store, the project's memory across runs: every article's facts and summary, the files
seen, the runs (database.py); read back as meetings (facts.py)."""
