"""Collect articles from news sites: feeds and pages fetched politely, main text extracted, written
as article files that ``ingest`` reads back (``ingest/header.py``)."""
