"""Inputs → articles: the one loop over files, folders and standard input."""
