"""`python -m briefing`: what schedules call, so the job runs in the same Python environment."""

from briefing.cli import main

main()
