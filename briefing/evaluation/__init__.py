"""Measuring quality: ROUGE for summaries, precision and recall for facts."""
