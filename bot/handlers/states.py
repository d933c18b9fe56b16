"""The dialogs' states. Their data is JSON only, so it survives a restart in SQLite."""

from aiogram.fsm.state import State, StatesGroup


class Connect(StatesGroup):
    url = State()
    api_key = State()


class TrackerEdit(StatesGroup):
    rename = State()
    postback = State()


class Search(StatesGroup):
    query = State()


class FormStates(StatesGroup):
    """The generic form engine: one state; the step lives in the form's own data."""

    active = State()


class CostsDialog(StatesGroup):
    """Cost uploads: ``waiting`` for the CSV, ``preview`` until Send (the parsed file is in
    the data as JSON, so Send works after a restart)."""

    waiting = State()
    preview = State()


class ConversionForm(StatesGroup):
    """``/conversion``: one state per question; the draft is JSON in the data."""

    click_id = State()
    status = State()
    revenue = State()
    currency = State()
    extras = State()
    tid = State()
    comment = State()
    confirm = State()
    postback_key = State()
    #: an unfinished one was shown with Resume / New: a typed click id starts a new one
    resume = State()


class ClickLookup(StatesGroup):
    """``/click`` without a sub_id: waiting for it."""

    sub_id = State()


class StatsDialog(StatesGroup):
    """Typed answers of the stats screens: a time zone, custom report dates, a filter search."""

    timezone = State()
    dates = State()
    search = State()


class DigestDialog(StatesGroup):
    """``/digest`` new or edit: the draft is JSON in the data (time, days, zone, tracker...)."""

    time = State()
    days = State()
    timezone = State()
    tracker = State()
    confirm = State()
    target = State()


class LiveSettings(StatesGroup):
    """``/live``: a typed value for one setting; the tracker it is for is in the data
    (``live``), so the answer changes that tracker's feed whichever is active by then."""

    revenue = State()
    quiet = State()
    burst = State()
    target = State()


class AlertDialog(StatesGroup):
    """``/alert`` new or edit: ``step`` waits for the step named in the draft (JSON under
    ``alert``: kind, measure, window... and the rule being edited), ``quiet`` for typed
    quiet hours."""

    step = State()
    quiet = State()
