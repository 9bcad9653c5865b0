"""The scheduled run: settings, state, schedule and the run itself."""
