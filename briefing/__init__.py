"""briefing: Vietnamese government-meeting news into a briefing pack."""

__version__ = "0.1.0"
