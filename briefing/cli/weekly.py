"""The weekly job's commands: run, history, and the schedule that runs it."""

from __future__ import annotations


import typer

from briefing.console import (
    ConfigOption, CrontabFile, DryRunFlag, EXIT_INTERRUPTED, EXIT_RUN_IN_PROGRESS, EXIT_USAGE,
    FetchFlag, InputFolder, JobsOption, KeepOption, LangOption, LimitOption, MinConfidenceOption, OutputFolder,
    PdfVariantOption, ReportsFolder, RunFormatOption, RunSinceOption, StateFolder, SystemdFlag,
    SystemdRemoveFlag, UnitFolder, UntilOption, WeeklyOption, exit_if, failing, progress, say, value,
)
from briefing.cli import app, schedule_app, settings_from


@app.command("run", short_help="The weekly job: this ISO week's pack, opening with what is new.")
def run_command(input_dir: InputFolder = None, output_dir: OutputFolder = None, state_dir: StateFolder = None,
                keep: KeepOption = None, output_format: RunFormatOption = None, lang: LangOption = None,
                since: RunSinceOption = None, until: UntilOption = None, jobs: JobsOption = None,
                pdf_variant: PdfVariantOption = None, min_confidence: MinConfidenceOption = None,
                fetch_first: FetchFlag = False, config: ConfigOption = None) -> None:
    """The weekly job: build this ISO week's pack (reports/briefing-YYYY-Www.pdf) opening with what is new.

    New articles are analysed into the fact store (the state database); the pack shows in full the
    meetings new since the last run (or those held between --since and --until), and compares them
    with every stored meeting of their places and of the nation, without reading old articles again.

    Example: briefing run --input news/ --output reports/ --keep 8
    """
    from briefing.pack import EmptyPackError
    from briefing.weekly.run import Period, RunFailed, RunInterrupted, run
    from briefing.weekly.settings import SettingsError, check_period
    from briefing.store.database import StateError
    from briefing.weekly.lock import RunInProgress

    with failing((SettingsError, EXIT_USAGE)):
        check_period(since, until)
    settings = settings_from({"input": input_dir, "output": output_dir, "state": state_dir, "keep": keep,
                          "format": value(output_format), "lang": value(lang), "jobs": jobs,
                          "pdf_variant": value(pdf_variant), "min_confidence": min_confidence}, config)
    with failing((SettingsError, EXIT_USAGE), (RunInProgress, EXIT_RUN_IN_PROGRESS), (RunInterrupted, EXIT_INTERRUPTED),
                 (RunFailed, (1, "run failed, previous report kept: ")), ((EmptyPackError, StateError, OSError), 1)), \
            progress("weekly run") as step:
        outcome = run(settings, progress=step, period=Period(since, until), fetch=fetch_first)
    for line in outcome.lines(settings.input):
        say(line)
    if outcome.report:
        typer.echo(str(outcome.report))
    exit_if(outcome.skipped)


@app.command(short_help="Show recent weekly runs. Changes nothing.")
def history(limit: LimitOption = 10,
        state_dir: StateFolder = None, output_dir: ReportsFolder = None, config: ConfigOption = None) -> None:
    """Show recent runs: when, status, new/total articles, report, duration. Changes nothing.

    Example: briefing history --limit 5
    """
    from briefing.render.tables import history_table
    from briefing.store.database import StateError
    from briefing.weekly.lock import recent_runs

    settings = settings_from({"state": state_dir, "output": output_dir}, config)
    with failing((StateError, 1)):
        runs, running_now = recent_runs(settings.state_folder, limit)
    typer.echo(history_table(runs, running_now) if runs else f"no runs recorded in {settings.state_folder}")


@schedule_app.command("add", short_help="Install the weekly run and print what was installed.")
def schedule_add(weekly: WeeklyOption,
        input_dir: InputFolder = None, output_dir: OutputFolder = None, state_dir: StateFolder = None,
        keep: KeepOption = None, output_format: RunFormatOption = None, lang: LangOption = None,
        pdf_variant: PdfVariantOption = None, min_confidence: MinConfidenceOption = None, config: ConfigOption = None,
        systemd: SystemdFlag = False, dry_run: DryRunFlag = False, crontab_file: CrontabFile = None,
        unit_dir: UnitFolder = None) -> None:
    """Install the weekly run (replacing briefing's earlier one), and print exactly what was installed.

    Example: briefing schedule add --weekly mon 07:00 --input news/ --output reports/
    """
    from briefing.weekly import schedule

    # the settings file the job will read (--config, else the one found here), so the job line agrees with it
    settings = settings_from({"input": input_dir, "output": output_dir, "state": state_dir, "keep": keep,
                              "format": value(output_format), "lang": value(lang),
                              "pdf_variant": value(pdf_variant), "min_confidence": min_confidence}, config)
    with failing((schedule.ScheduleError, 1)):
        installed = schedule.install(schedule.parse_weekly(*weekly), schedule.job_command(settings, config),
                                     systemd, dry_run, crontab_file, unit_dir, schedule.run_log(settings))
    typer.echo(installed)


@schedule_app.command("list", short_help="List briefing's scheduled runs.")
def schedule_list(crontab_file: CrontabFile = None, unit_dir: UnitFolder = None) -> None:
    """List briefing's scheduled runs (crontab entries and systemd units), nothing else.

    Example: briefing schedule list
    """
    from briefing.weekly import schedule

    with failing((schedule.ScheduleError, 1)):
        typer.echo(schedule.listing(crontab_file, unit_dir), nl=False)


@schedule_app.command("remove", short_help="Remove briefing's scheduled runs, nothing else.")
def schedule_remove(crontab_file: CrontabFile = None, unit_dir: UnitFolder = None,
        systemd: SystemdRemoveFlag = False) -> None:
    """Remove briefing's scheduled runs and leave every other entry alone.

    Example: briefing schedule remove
    """
    from briefing.weekly import schedule

    with failing((schedule.ScheduleError, 1)):
        removed = schedule.systemd_remove(unit_dir) if systemd else schedule.cron_remove(crontab_file)
    typer.echo("\n".join(f"removed: {item}" for item in removed) or "nothing to remove")
    if systemd and removed:
        typer.echo(schedule.AFTER_SYSTEMD_REMOVE)
